/*
 * Dialer server routes.
 */
package io.dialer.server.routes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dialer.core.check.FileCheck;
import io.dialer.core.check.Finding;
import io.dialer.server.ApiException;
import io.dialer.server.DialerServer;
import io.dialer.server.ErrorDetail;
import io.dialer.server.Json;
import io.dialer.server.Principal;
import io.dialer.server.storage.Upload;
import io.dialer.server.storage.UploadKind;
import io.dialer.server.storage.UploadStore;
import io.javalin.http.Context;

/**
 * What the upload resources share: receiving a body as a stream into a staging file (content type checked, size
 * limited by {@code Content-Length} before reading and while reading, SHA-256 on the way), the common metadata, a
 * check's findings as JSON, downloads and deletes (with the in-use check).
 */
public final class Uploads
{
    /**
     * The most findings an upload's answer lists; the rest are counted in {@code findingsOmitted} (all of them are
     * in the lead list's report).
     */
    public static final int MAX_FINDINGS = 1_000;

    /**
     * Content types a CSV upload may have (browsers send some of these for .csv files).
     */
    public static final Set<String> CSV_TYPES = Set.of("text/csv", "application/csv", "text/plain",
        "application/vnd.ms-excel", "application/octet-stream");

    /**
     * Content types a YAML upload may have.
     */
    public static final Set<String> YAML_TYPES = Set.of("application/yaml", "application/x-yaml", "text/yaml",
        "text/x-yaml", "text/plain", "application/octet-stream");

    private static final int MAX_NAME = 200;

    private Uploads()
    {
    }

    /**
     * The name the file is uploaded with ({@code ?name=}), without directories or control characters.
     *
     * @param ctx         the request.
     * @param defaultName the name when none is given.
     * @return the name.
     */
    public static String fileName(final Context ctx, final String defaultName)
    {
        final String given = ctx.queryParam("name");
        if (null == given)
        {
            return defaultName;
        }
        String name = given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\')) + 1)
            .replaceAll("\\p{Cntrl}", "").strip();
        if (name.length() > MAX_NAME)
        {
            name = name.substring(0, MAX_NAME);
        }
        return name.isEmpty() || ".".equals(name) || "..".equals(name) ? defaultName : name;
    }

    /**
     * Receives the request's body into a file as a stream, never holding it in memory.
     *
     * @param ctx   the request.
     * @param file  the file to write (created).
     * @param limit the most bytes allowed.
     * @param types the content types allowed.
     * @return the size and SHA-256 of what was received.
     * @throws ApiException 415 for another content type, 413 beyond the limit, 400 when the body breaks off.
     */
    public static Received receive(final Context ctx, final Path file, final long limit, final Set<String> types)
    {
        final String type = null == ctx.contentType() ? "" :
            ctx.contentType().split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!types.contains(type))
        {
            throw ApiException.unsupportedMediaType("send the file as the body, with Content-Type one of " +
                String.join(", ", types.stream().sorted().toList()));
        }
        if (ctx.req().getContentLengthLong() > limit)
        {
            throw ApiException.tooLarge(limit);
        }
        final MessageDigest sha256 = sha256();
        long size = 0;
        try (InputStream in = ctx.bodyInputStream();
            OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))
        {
            final byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = in.read(buffer)) >= 0)
            {
                size += read;
                if (size > limit)
                {
                    throw ApiException.tooLarge(limit);
                }
                sha256.update(buffer, 0, read);
                out.write(buffer, 0, read);
            }
        }
        catch (final IOException ex)
        {
            throw ApiException.badRequest("the upload broke off: " + ex.getMessage());
        }
        return new Received(size, HexFormat.of().formatHex(sha256.digest()));
    }

    /**
     * The metadata every upload has: name, size, SHA-256, who uploaded it and when.
     *
     * @param server    the server (its clock).
     * @param principal who uploads.
     * @param name      the name it was uploaded with.
     * @param received  what was received.
     * @return the metadata, to which the kind adds what its check found.
     */
    public static ObjectNode meta(
        final DialerServer server, final Principal principal, final String name, final Received received)
    {
        final ObjectNode meta = Json.object();
        meta.put(Upload.ID, "");
        meta.put(Upload.NAME, name);
        meta.put("size", received.size());
        meta.put("sha256", received.sha256());
        meta.put("uploadedBy", principal.userName());
        meta.put(Upload.UPLOADED_AT, Json.time(server.context().epochClock().time()));
        return meta;
    }

    /**
     * A check's result as JSON: {@code valid}, {@code summary} (as {@code dialer validate} prints it),
     * {@code findings} (at most {@link #MAX_FINDINGS}) and {@code findingsOmitted}.
     *
     * @param check the check.
     * @return the JSON.
     */
    public static ObjectNode check(final FileCheck check)
    {
        final ObjectNode json = Json.object();
        json.put("valid", check.isValid());
        json.put("summary", null == check.summary() ? check.file() + (check.isValid() ? ": OK" : ": not valid") :
            check.file() + ": " + check.summary());
        final ArrayNode findings = json.putArray("findings");
        final List<Finding> all = check.findings();
        for (int i = 0; i < Math.min(all.size(), MAX_FINDINGS); i++)
        {
            final Finding finding = all.get(i);
            final ObjectNode node = findings.addObject();
            node.put("severity", finding.severity().name().toLowerCase(Locale.ROOT));
            if (finding.row() > 0)
            {
                node.put("row", finding.row());
            }
            if (finding.line() > 0)
            {
                node.put("line", finding.line());
            }
            if (finding.column() > 0)
            {
                node.put("col", finding.column());
            }
            node.put("message", finding.message());
            node.put("text", finding.text());
        }
        json.put("findingsOmitted", Math.max(0, all.size() - MAX_FINDINGS));
        return json;
    }

    /**
     * A check's errors as the details of a 422 (at most {@link #MAX_FINDINGS}).
     *
     * @param check the check.
     * @return the details.
     */
    public static List<ErrorDetail> details(final FileCheck check)
    {
        final List<Finding> findings = check.findings();
        return findings.subList(0, Math.min(findings.size(), MAX_FINDINGS)).stream()
            .filter((finding) -> Finding.Severity.ERROR == finding.severity())
            .map(ErrorDetail::of)
            .toList();
    }

    /**
     * An upload by the request's {@code {id}}.
     *
     * @param ctx   the request.
     * @param store the kind's store.
     * @return the upload.
     * @throws ApiException 404 when there is none.
     */
    public static Upload find(final Context ctx, final UploadStore store)
    {
        final Upload upload = store.find(ctx.pathParam("id"));
        if (null == upload)
        {
            throw ApiException.notFound("no " + store.kind().description() + " " + ctx.pathParam("id"));
        }
        return upload;
    }

    /**
     * Every upload of a kind, as {@code {"<field>": [meta…]}}.
     *
     * @param ctx   the request.
     * @param store the kind's store.
     * @param field the array's name.
     */
    public static void list(final Context ctx, final UploadStore store, final String field)
    {
        final ObjectNode json = Json.object();
        final ArrayNode array = json.putArray(field);
        for (final Upload upload : store.list())
        {
            array.add(upload.meta());
        }
        Json.write(ctx, 200, json);
    }

    /**
     * Sends a stored file as it was uploaded, as an attachment with its uploaded name.
     *
     * @param ctx         the request.
     * @param file        the file.
     * @param name        the uploaded name.
     * @param contentType its content type.
     */
    public static void download(final Context ctx, final Path file, final String name, final String contentType)
    {
        try
        {
            final String ascii = name.replaceAll("[^A-Za-z0-9._ -]", "_");
            ctx.header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" +
                URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
            ctx.header("Content-Length", Long.toString(Files.size(file)));
            ctx.contentType(contentType).result(Files.newInputStream(file));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Deletes an upload unless the server's {@link io.dialer.server.InUseCheck} says it is in use (409).
     *
     * @param ctx    the request.
     * @param server the server.
     * @param kind   the kind.
     */
    public static void delete(final Context ctx, final DialerServer server, final UploadKind kind)
    {
        final UploadStore store = server.storage().uploads(kind);
        synchronized (store)
        {
            final Upload upload = find(ctx, store);
            final String usedBy = server.context().inUseCheck().usedBy(kind, upload.id());
            if (null != usedBy)
            {
                throw ApiException.conflict("the " + kind.description() + " " + upload.id() + " is in use: " +
                    usedBy);
            }
            try
            {
                store.delete(upload.id());
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        }
        ctx.status(204);
    }

    private static MessageDigest sha256()
    {
        try
        {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("every JVM has SHA-256", ex);
        }
    }

    /**
     * What was received: the size and SHA-256.
     */
    public static final class Received
    {
        private final long size;
        private final String sha256;

        Received(final long size, final String sha256)
        {
            this.size = size;
            this.sha256 = sha256;
        }

        /**
         * The size.
         *
         * @return bytes.
         */
        public long size()
        {
            return size;
        }

        /**
         * The SHA-256.
         *
         * @return hex.
         */
        public String sha256()
        {
            return sha256;
        }
    }
}
