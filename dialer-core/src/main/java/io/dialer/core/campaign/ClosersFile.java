/*
 * Campaigns.
 */
package io.dialer.core.campaign;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dialer.core.compliance.E164;
import io.dialer.core.lead.RegionNormaliser;
import io.dialer.qualification.Problems;
import io.dialer.qualification.TextFile;
import io.dialer.qualification.ValidationError;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A closers file (YAML): an optional {@code sip_realm:} and a top-level {@code closers:} list of
 * {@code {id, name, uri | phone | extension + sip_password_ha1, skills}}. Every error is reported with line and
 * column in one pass; the closers are returned only when there is none.
 * <p>
 * Phone numbers are read as lead lists read them (libphonenumber in a region, {@code US} unless the campaign says
 * otherwise) and kept in E.164. An extension's credentials are its HA1, {@code MD5(extension:sip_realm:password)}:
 * a plaintext {@code sip_password:} is refused, since anyone who can read the file (a backup, a repository) would have
 * the password; the HA1 lets them register as that extension with this realm only, not learn a password reused
 * elsewhere.
 */
public final class ClosersFile
{
    /** The region phone numbers without {@code +} are read in when none is given. */
    public static final String DEFAULT_REGION = "US";

    private static final Set<String> TOP_KEYS = new LinkedHashSet<>(List.of("sip_realm", "closers"));
    private static final Set<String> CLOSER_KEYS = new LinkedHashSet<>(List.of(
        "id", "name", "uri", "phone", "extension", "sip_password_ha1", "sip_password", "skills"));
    private static final List<String> DESTINATION_KEYS = List.of("uri", "phone", "extension");

    private final List<Closer> closers;
    private final String sipRealm;
    private final List<ValidationError> errors;

    private ClosersFile(final List<Closer> closers, final String sipRealm, final List<ValidationError> errors)
    {
        this.closers = List.copyOf(closers);
        this.sipRealm = sipRealm;
        this.errors = List.copyOf(errors);
    }

    /**
     * Reads a closers file, phone numbers in {@link #DEFAULT_REGION}.
     *
     * @param file the YAML file.
     * @return the closers or the errors.
     */
    public static ClosersFile load(final Path file)
    {
        return load(file, DEFAULT_REGION);
    }

    /**
     * Reads a closers file.
     *
     * @param file   the YAML file.
     * @param region the region phone numbers without {@code +} are read in (the campaign's {@code default_region}).
     * @return the closers or the errors.
     */
    public static ClosersFile load(final Path file, final String region)
    {
        final Problems problems = new Problems(file.toString());
        final String yaml = TextFile.read(file, problems);
        if (null == yaml)
        {
            return new ClosersFile(List.of(), null, problems.errors());
        }
        return read(file.toString(), yaml, region);
    }

    /**
     * Reads closers from text, phone numbers in {@link #DEFAULT_REGION}.
     *
     * @param fileName the name to report errors against.
     * @param yaml     the text.
     * @return the closers or the errors.
     */
    public static ClosersFile read(final String fileName, final String yaml)
    {
        return read(fileName, yaml, DEFAULT_REGION);
    }

    /**
     * Reads closers from text.
     *
     * @param fileName the name to report errors against.
     * @param yaml     the text.
     * @param region   the region phone numbers without {@code +} are read in.
     * @return the closers or the errors.
     */
    public static ClosersFile read(final String fileName, final String yaml, final String region)
    {
        final YamlChecker checker = new YamlChecker(fileName);
        final List<Closer> closers = new ArrayList<>();
        String realm = null;
        final Node root = checker.compose(yaml);
        if (null != root)
        {
            final Map<String, NodeTuple> top = checker.mapping(root, "the closers file", TOP_KEYS);
            final Node realmNode = YamlChecker.value(top, "sip_realm");
            realm = null == realmNode ? null : checker.text(realmNode, "sip_realm");
            if (null != realm && (realm.indexOf('"') >= 0 || realm.indexOf('\\') >= 0))
            {
                checker.add(realmNode, "sip_realm '" + realm + "' may not contain quotes or backslashes");
                realm = null;
            }
            final Node list = top.isEmpty() ? null : checker.required(top, "closers", root, "the closers file");
            if (list instanceof SequenceNode)
            {
                new Reader(checker, new RegionNormaliser(region), realm, null != realmNode)
                    .readClosers((SequenceNode)list, closers);
            }
            else if (null != list)
            {
                checker.add(list, "closers must be a list of closers (lines starting with '- id:'), found " +
                    YamlChecker.describe(list));
            }
        }
        final boolean valid = checker.errors().isEmpty();
        return new ClosersFile(valid ? closers : List.of(), valid ? realm : null, checker.errors());
    }

    /**
     * Whether a YAML text looks like a closers file: a top-level {@code closers:} key and no campaign keys.
     *
     * @param yaml the text.
     * @return true when it looks like one.
     */
    public static boolean looksLikeClosers(final String yaml)
    {
        return YamlChecker.hasTopLevelKey(yaml, "closers") && !CampaignLoader.looksLikeCampaign(yaml);
    }

    /**
     * Whether the file validated.
     *
     * @return true when there is no error.
     */
    public boolean isValid()
    {
        return errors.isEmpty();
    }

    /**
     * The closers, in file order.
     *
     * @return the closers; empty when there are errors.
     */
    public List<Closer> closers()
    {
        return closers;
    }

    /**
     * The {@code sip_realm} the extensions' {@code sip_password_ha1} values were computed for: the realm the dialer's
     * registrar must challenge with ({@code io.dialer.sip.Registrar.Context#realm}).
     *
     * @return the realm, or null when the file names none (then it has no closer on an extension).
     */
    public String sipRealm()
    {
        return sipRealm;
    }

    /**
     * Every error, in the order found.
     *
     * @return the errors.
     */
    public List<ValidationError> errors()
    {
        return errors;
    }

    /**
     * One pass over the closers list.
     */
    private static final class Reader
    {
        private final YamlChecker checker;
        private final RegionNormaliser numbers;
        private final String realm;
        private final boolean realmGiven;
        private final Map<String, Node> ids = new HashMap<>();
        private final Map<String, Node> extensions = new HashMap<>();
        private final Map<String, String> extensionOwners = new HashMap<>();

        Reader(final YamlChecker checker, final RegionNormaliser numbers, final String realm, final boolean realmGiven)
        {
            this.checker = checker;
            this.numbers = numbers;
            this.realm = realm;
            this.realmGiven = realmGiven;
        }

        void readClosers(final SequenceNode list, final List<Closer> closers)
        {
            if (list.getValue().isEmpty())
            {
                checker.add(list, "closers is empty: list at least one closer");
            }
            for (final Node item : list.getValue())
            {
                final Map<String, NodeTuple> fields = checker.mapping(item, "a closer", CLOSER_KEYS);
                if (fields.isEmpty())
                {
                    if (item instanceof MappingNode)
                    {
                        checker.add(item, "missing 'id' in a closer");
                    }
                    continue;
                }
                final Node idNode = checker.required(fields, "id", item, "a closer");
                final String id = checker.text(idNode, "id");
                if (null != id)
                {
                    if (!id.matches("[A-Za-z0-9_.@-]+"))
                    {
                        checker.add(idNode, "closer id '" + id + "' may use only letters, digits, '_', '-', '.', '@'");
                    }
                    final Node first = ids.putIfAbsent(id, idNode);
                    if (null != first)
                    {
                        checker.add(idNode, "duplicate closer id '" + id + "' (first at line " + line(first) + ")");
                    }
                }
                final Node nameNode = YamlChecker.value(fields, "name");
                final String name = null == nameNode ? id : checker.text(nameNode, "name");
                final CloserDestination destination = destination(fields, item, id);
                final List<String> skills = skills(fields, item, id);
                if (null != id && null != destination)
                {
                    closers.add(new Closer(id, null == name ? id : name, destination, skills));
                }
            }
        }

        /**
         * Exactly one of {@code uri}, {@code phone}, {@code extension}; null when it is missing or wrong (reported).
         */
        private CloserDestination destination(final Map<String, NodeTuple> fields, final Node item, final String id)
        {
            String key = null;
            for (final String candidate : DESTINATION_KEYS)
            {
                if (fields.containsKey(candidate))
                {
                    if (null != key)
                    {
                        checker.add(YamlChecker.keyNode(fields, candidate), "closer '" + id + "' has both " + key +
                            " and " + candidate + ": give one destination");
                        return null;
                    }
                    key = candidate;
                }
            }
            final Node plaintext = YamlChecker.keyNode(fields, "sip_password");
            if (null != plaintext)
            {
                final Node extensionNode = YamlChecker.value(fields, "extension");
                final String hashed = (extensionNode instanceof ScalarNode ?
                    CloserDestination.withoutPrefix(((ScalarNode)extensionNode).getValue().trim()) : "EXTENSION") +
                    ":" + (null == realm ? "SIP_REALM" : realm) + ":PASSWORD";
                checker.add(plaintext, "sip_password is not accepted: a plaintext password in this file is readable " +
                    "by anyone who can read the file; give sip_password_ha1, the MD5 of '" + hashed + "' (printf '" +
                    hashed + "' | md5sum)");
            }
            final Node ha1Key = YamlChecker.keyNode(fields, "sip_password_ha1");
            if (null != ha1Key && !"extension".equals(key))
            {
                checker.add(ha1Key, "sip_password_ha1 is for a closer on an extension; closer '" + id + "' has " +
                    (null == key ? "no destination" : key));
            }
            if (null == key)
            {
                checker.add(item, "missing destination in closer '" + id + "': give uri (a SIP address), phone (a " +
                    "number dialed through the trunk) or extension (a softphone registering with the dialer)");
                return null;
            }
            final Node node = YamlChecker.value(fields, key);
            final String text = checker.text(node, key);
            if (null == text)
            {
                return null;
            }
            switch (key)
            {
                case "uri":
                    return checker.sipUri(node, text, "uri") ? CloserDestination.sipUri(text) : null;
                case "phone":
                    return phone(node, text);
                default:
                    return extension(fields, item, node, text, id);
            }
        }

        private CloserDestination phone(final Node node, final String text)
        {
            final long number = numbers.normalise(text);
            if (E164.INVALID == number)
            {
                checker.add(node, "phone '" + text + "' is not a dialable number (write it as +12145550199, or as a " +
                    "national number of region " + numbers.region() + " like (214) 555-0199)");
                return null;
            }
            return CloserDestination.phone("+" + number);
        }

        private CloserDestination extension(
            final Map<String, NodeTuple> fields, final Node item, final Node node, final String text, final String id)
        {
            final String extension = CloserDestination.withoutPrefix(text);
            boolean valid = true;
            if (!CloserDestination.isExtension(extension))
            {
                checker.add(node, "extension '" + text + "' must be 1 to 64 letters, digits or '_', '.', '~', '+', " +
                    "'-' (like 1001, ext:1001 or pbx:1001)");
                valid = false;
            }
            else
            {
                final Node first = extensions.putIfAbsent(extension, node);
                if (null != first)
                {
                    checker.add(node, "extension '" + extension + "' is also closer '" +
                        extensionOwners.get(extension) + "''s (line " + line(first) + "): one phone registers per " +
                        "extension");
                    valid = false;
                }
                extensionOwners.putIfAbsent(extension, id);
            }
            final Node ha1Node = checker.required(fields, "sip_password_ha1", item, "closer '" + id + "' on " +
                "extension " + extension + " (the credentials its phone registers with)");
            final String ha1 = checker.text(ha1Node, "sip_password_ha1");
            if (null != ha1 && !ha1.matches("[0-9a-fA-F]{32}"))
            {
                checker.add(ha1Node, "sip_password_ha1 must be 32 hex digits: the MD5 of '" + extension + ":" +
                    (null == realm ? "SIP_REALM" : realm) + ":PASSWORD' (printf '" + extension + ":" +
                    (null == realm ? "SIP_REALM" : realm) + ":PASSWORD' | md5sum)");
                valid = false;
            }
            if (!realmGiven)
            {
                checker.add(node, "closer '" + id + "' on an extension needs sip_realm: at the top of the closers " +
                    "file, the realm its sip_password_ha1 was computed for");
                valid = false;
            }
            return valid && null != ha1 ? CloserDestination.extension(extension, ha1) : null;
        }

        private List<String> skills(final Map<String, NodeTuple> fields, final Node item, final String id)
        {
            final Node skillsNode = checker.required(fields, "skills", item, "closer '" + id + "'");
            final List<String> skills = new ArrayList<>();
            if (null != skillsNode)
            {
                for (final ScalarNode skill : checker.scalars(skillsNode, "skills"))
                {
                    skills.add(skill.getValue().trim());
                }
                if (skillsNode instanceof SequenceNode && ((SequenceNode)skillsNode).getValue().isEmpty())
                {
                    checker.add(skillsNode, "skills is empty: closer '" + id + "' would never get a call");
                }
            }
            return skills;
        }

        private static int line(final Node node)
        {
            return node.getStartMark().map(Mark::getLine).orElse(0) + 1;
        }
    }
}
