/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderAddress;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The dial path's request building, done once instead of per call: parsed target URIs and INVITE templates.
 * <p>
 * JAIN-SIP's factories parse a string for every URI and most headers; building an INVITE that way costs tens of
 * microseconds and several kilobytes per call. Here the headers that do not change from call to call (From without
 * its tag, Via without its branch, Max-Forwards, Route, Contact, User-Agent, P-Asserted-Identity, Allow,
 * Content-Type) are built once per caller identity (display name, asserted identity, whether a number is given),
 * transport and routing and kept in a template {@link Request}; an INVITE is the template's clone with the
 * Request-URI, To, Call-ID, From tag and SDP set, and the caller's number in From, Contact and an asserted identity
 * taken from From when it is not the template's (a closer dial passing the caller ID through; CSeq is 1, and JAIN-SIP
 * gives the Via its branch when it creates the client transaction). Target URIs are parsed once: a closer's URI by
 * its text, a lead's ({@code sip:<digits>@<host>}) by its host part with the number set on a clone. Thread-safe;
 * the caches are bounded, and a request they cannot hold is built the old way.
 */
final class InviteTemplates
{
    /** Templates kept per stack: one per caller identity, transport and routing in use. */
    static final int MAX_TEMPLATES = 64;
    /** Parsed URIs kept per stack, by host part (leads) and by whole text (others). */
    static final int MAX_URIS = 4096;
    static final String P_ASSERTED_IDENTITY = "P-Asserted-Identity";

    private final SipDispatcher sip;
    private final ConcurrentHashMap<String, SipURI> byHost = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, SipURI> byText = new ConcurrentHashMap<>();
    private final String callIdPrefix;
    private final String callIdSuffix;
    private final AtomicLong callIds = new AtomicLong();
    private volatile Template[] templates = new Template[0];

    InviteTemplates(final SipDispatcher sip)
    {
        this.sip = sip;
        final ThreadLocalRandom random = ThreadLocalRandom.current();
        this.callIdPrefix = Long.toHexString(random.nextLong() | Long.MIN_VALUE) + '-';
        this.callIdSuffix = "@" + sip.hostPart();
    }

    /**
     * A new Call-ID, unique without a digest: this stack's random 64-bit prefix and a counter.
     *
     * @return the Call-ID.
     */
    String newCallId()
    {
        return callIdPrefix + Long.toHexString(callIds.incrementAndGet()) + callIdSuffix;
    }

    /**
     * Parses a target URI, from the cache when it was seen before (or, for {@code sip:<digits>@<host>}, its host).
     *
     * @param text the URI.
     * @return a URI of the caller's own, or null when the text is not a URI.
     */
    URI parse(final String text)
    {
        final int at = numberEnd(text);
        if (at > 0)
        {
            final String hostPart = text.substring(at);
            SipURI parsed = byHost.get(hostPart);
            if (null == parsed)
            {
                parsed = (SipURI)parseNew("sip:0" + hostPart);
                if (null != parsed && byHost.size() < MAX_URIS)
                {
                    byHost.putIfAbsent(hostPart, parsed);
                }
            }
            if (null == parsed)
            {
                return null;
            }
            final SipURI uri = (SipURI)parsed.clone();
            try
            {
                uri.setUser(text.substring(4, at));
            }
            catch (final Exception ex)
            {
                return parseNew(text);
            }
            return uri;
        }
        final SipURI cached = byText.get(text);
        if (null != cached)
        {
            return (URI)cached.clone();
        }
        final URI parsed = parseNew(text);
        if (parsed instanceof SipURI sipUri && byText.size() < MAX_URIS)
        {
            byText.putIfAbsent(text, (SipURI)sipUri.clone());
        }
        return parsed;
    }

    /**
     * The index of the {@code @} of {@code sip:<number>@...} whose user is a plain number (digits, an optional
     * leading {@code +}), else -1.
     */
    static int numberEnd(final String text)
    {
        if (!text.startsWith("sip:"))
        {
            return -1;
        }
        final int length = text.length();
        int i = 4;
        if (i < length && '+' == text.charAt(i))
        {
            i++;
        }
        final int digitsStart = i;
        while (i < length)
        {
            final char c = text.charAt(i);
            if ('@' == c)
            {
                return i > digitsStart && i + 1 < length ? i : -1;
            }
            if (c < '0' || c > '9')
            {
                return -1;
            }
            i++;
        }
        return -1;
    }

    private URI parseNew(final String text)
    {
        try
        {
            return sip.addressFactory.createURI(text);
        }
        catch (final Exception ex)
        {
            return null;
        }
    }

    /**
     * An INVITE to the target: the clone of the template for the caller identity, transport and routing, with the
     * per-call headers set; the template is built on first use.
     *
     * @param target    the parsed target, not kept.
     * @param request   caller identity and routing.
     * @param transport the transport of the INVITE.
     * @param callId    its Call-ID.
     * @return the INVITE, without SDP (see {@link #sdp}), and its From URI.
     * @throws Exception when a header cannot be built from the request's values.
     */
    Prepared invite(final SipURI target, final DialRequest request, final Transport transport, final String callId)
        throws Exception
    {
        Template template = find(request, transport);
        if (null == template)
        {
            template = add(build(target, request, transport));
        }
        final Request invite = (Request)template.request.clone();
        final SipURI requestUri = (SipURI)target.clone();
        if (template.tcpParam)
        {
            requestUri.setTransportParam("tcp");
        }
        invite.setRequestURI(requestUri);
        ((ToHeader)invite.getHeader(ToHeader.NAME)).getAddress().setURI((URI)target.clone());
        ((CallIdHeader)invite.getHeader(CallIdHeader.NAME)).setCallId(callId);
        final FromHeader from = (FromHeader)invite.getHeader(FromHeader.NAME);
        from.setTag(SipDispatcher.newTag());
        final String user = request.callerIdUser();
        if (null == user || user.equals(template.callerIdUser))
        {
            return new Prepared(invite, template.localUri);
        }
        // the caller's own number (a closer dial passing the caller ID through): From, Contact and an asserted
        // identity copied from From get it
        final SipURI fromUri = (SipURI)from.getAddress().getURI();
        fromUri.setUser(user);
        ((SipURI)((ContactHeader)invite.getHeader(ContactHeader.NAME)).getAddress().getURI()).setUser(user);
        if (null == template.assertedIdentity)
        {
            final HeaderAddress pai = (HeaderAddress)invite.getHeader(P_ASSERTED_IDENTITY);
            ((SipURI)pai.getAddress().getURI()).setUser(user);
        }
        return new Prepared(invite, fromUri.toString());
    }

    /**
     * Sets the SDP of an INVITE made by {@link #invite}, with the Content-Type its template carries.
     */
    static void sdp(final Request invite, final String sdp) throws Exception
    {
        invite.setContent(sdp, (ContentTypeHeader)invite.getHeader(ContentTypeHeader.NAME));
    }

    /**
     * An INVITE built from a template, and the From URI it carries (the leg's local URI), encoded once per template.
     *
     * @param request  the INVITE.
     * @param localUri its From URI.
     */
    record Prepared(Request request, String localUri)
    {
    }

    int templateCount()
    {
        return templates.length;
    }

    private Template find(final DialRequest request, final Transport transport)
    {
        for (final Template t : templates)
        {
            if (t.matches(request, transport))
            {
                return t;
            }
        }
        return null;
    }

    private synchronized Template add(final Template template)
    {
        final Template[] current = templates;
        if (current.length >= MAX_TEMPLATES)
        {
            return template;
        }
        for (final Template t : current)
        {
            if (t.matches(template.callerIdName, template.callerIdUser, template.assertedIdentity,
                template.transport, template.direct))
            {
                return t;
            }
        }
        final Template[] next = java.util.Arrays.copyOf(current, current.length + 1);
        next[current.length] = template;
        templates = next;
        return template;
    }

    private Template build(final SipURI target, final DialRequest request, final Transport transport)
        throws Exception
    {
        final Request invite = sip.newRequest(Request.INVITE, target, request.callerIdName(),
            request.callerIdUser(), null, transport, "template", request.direct());
        final FromHeader from = (FromHeader)invite.getHeader(FromHeader.NAME);
        if (null != request.assertedIdentity() || null != request.callerIdUser())
        {
            final String pai = null != request.assertedIdentity() ?
                "<" + request.assertedIdentity() + ">" : from.getAddress().toString();
            invite.addHeader(sip.headerFactory.createHeader(P_ASSERTED_IDENTITY, pai));
        }
        invite.addHeader(sip.headerFactory.createAllowHeader(SipDispatcher.ALLOW));
        invite.setHeader(sip.sdpContentType());
        final boolean tcpParam = Transport.TCP == transport && !sip.proxied(request.direct());
        return new Template(invite, from.getAddress().getURI().toString(), tcpParam, request.callerIdName(),
            request.callerIdUser(), request.assertedIdentity(), transport, request.direct());
    }

    private static final class Template
    {
        final Request request;
        final String localUri;
        final boolean tcpParam;
        final String callerIdName;
        final String callerIdUser;
        final String assertedIdentity;
        final Transport transport;
        final boolean direct;

        Template(
            final Request request, final String localUri, final boolean tcpParam, final String callerIdName,
            final String callerIdUser, final String assertedIdentity, final Transport transport, final boolean direct)
        {
            this.request = request;
            this.localUri = localUri;
            this.tcpParam = tcpParam;
            this.callerIdName = callerIdName;
            this.callerIdUser = callerIdUser;
            this.assertedIdentity = assertedIdentity;
            this.transport = transport;
            this.direct = direct;
        }

        boolean matches(final DialRequest request, final Transport transport)
        {
            return matches(request.callerIdName(), request.callerIdUser(), request.assertedIdentity(), transport,
                request.direct());
        }

        boolean matches(
            final String callerIdName, final String callerIdUser, final String assertedIdentity,
            final Transport transport, final boolean direct)
        {
            return this.transport == transport && this.direct == direct &&
                (null == this.callerIdUser) == (null == callerIdUser) &&
                Objects.equals(this.callerIdName, callerIdName) &&
                Objects.equals(this.assertedIdentity, assertedIdentity);
        }
    }
}
