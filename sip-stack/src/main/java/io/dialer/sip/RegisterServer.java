/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

import gov.nist.javax.sip.message.SIPMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderAddress;
import javax.sip.header.ToHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registrar's JAIN-SIP glue: reads a REGISTER into a {@link RegisterRequest}, asks the {@link Registrar}, and
 * writes its {@link RegisterOutcome} as the response, in a server transaction (so a retransmitted REGISTER is
 * answered by JAIN-SIP and never counted twice). Decides nothing itself, except that a header JAIN-SIP could not
 * parse (it keeps such headers aside as unrecognised) is a 400: a Contact or Authorization that cannot be read must
 * not look absent. A 400 or a source's refusal is logged once per source (a bounded memory), not per packet.
 */
final class RegisterServer
{
    private static final Logger LOGGER = LoggerFactory.getLogger(RegisterServer.class);
    private static final Set<String> REQUIRED_READABLE =
        Set.of("contact", "m", "authorization", "expires", "to", "t", "from", "f");
    private static final int QUOTE_MAX = 60;

    private final SipDispatcher sip;
    private final Registrar registrar;
    private final Set<String> logged = ConcurrentHashMap.newKeySet();
    private final int logCapacity;

    RegisterServer(final SipDispatcher sip, final Registrar registrar, final int logCapacity)
    {
        this.sip = sip;
        this.registrar = registrar;
        this.logCapacity = logCapacity;
    }

    /**
     * Answers a REGISTER; on a JAIN-SIP thread, never blocks.
     *
     * @param event  the request.
     * @param source the address it came from.
     * @throws Exception when the response cannot be built or sent.
     */
    void onRegister(final RequestEvent event, final String source) throws Exception
    {
        final ServerTransaction st = sip.serverTransaction(event);
        if (null == st)
        {
            return;
        }
        final Request request = event.getRequest();
        final String unreadable = unreadableHeader(request);
        final RegisterOutcome outcome = null != unreadable ?
            RegisterOutcome.badRequest(unreadable) : registrar.register(read(request, source));
        if (Response.BAD_REQUEST == outcome.status())
        {
            logOnce(source, "bad", "REGISTER from {} answered 400: {} (logged once per source)", outcome.reason());
        }
        else if (Response.FORBIDDEN == outcome.status() &&
            outcome.reason().contains(Registrations.TOO_MANY_FAILURES))
        {
            logOnce(source, "blocked", "REGISTER from {} refused with 403 after repeated authentication failures " +
                "(logged once per source)", null);
        }
        st.sendResponse(response(request, outcome));
    }

    static RegisterRequest read(final Request request, final String source)
    {
        final List<RegisterRequest.Contact> contacts = new ArrayList<>(1);
        boolean wildcard = false;
        final ListIterator<?> headers = request.getHeaders(ContactHeader.NAME);
        while (null != headers && headers.hasNext())
        {
            final ContactHeader contact = (ContactHeader)headers.next();
            if (contact.isWildCard())
            {
                wildcard = true;
            }
            else
            {
                final int expires = contact.getExpires();
                contacts.add(new RegisterRequest.Contact(contact.getAddress().getURI().toString(),
                    expires < 0 ? RegisterRequest.ABSENT : expires));
            }
        }
        final ExpiresHeader expires = request.getExpires();
        final AuthorizationHeader authorization = (AuthorizationHeader)request.getHeader(AuthorizationHeader.NAME);
        return new RegisterRequest(
            source,
            user((ToHeader)request.getHeader(ToHeader.NAME)),
            user((FromHeader)request.getHeader(FromHeader.NAME)),
            ((CallIdHeader)request.getHeader(CallIdHeader.NAME)).getCallId(),
            ((CSeqHeader)request.getHeader(CSeqHeader.NAME)).getSeqNumber(),
            contacts,
            wildcard,
            null == expires ? RegisterRequest.ABSENT : expires.getExpires(),
            null == authorization ? null : new RegisterRequest.Credentials(
                authorization.getScheme(),
                authorization.getParameter("username"),
                authorization.getParameter("realm"),
                authorization.getParameter("nonce"),
                authorization.getParameter("uri"),
                authorization.getParameter("response"),
                authorization.getParameter("algorithm"),
                authorization.getParameter("qop"),
                authorization.getParameter("nc"),
                authorization.getParameter("cnonce")));
    }

    private Response response(final Request request, final RegisterOutcome outcome) throws Exception
    {
        final Response response = sip.messageFactory.createResponse(outcome.status(), request);
        response.setReasonPhrase(phrase(outcome.reason()));
        final ToHeader to = (ToHeader)response.getHeader(ToHeader.NAME);
        if (null == to.getTag())
        {
            to.setTag(SipDispatcher.newTag());
        }
        switch (outcome.status())
        {
            case Response.OK:
                if (null != outcome.contact())
                {
                    final ContactHeader contact = sip.headerFactory.createContactHeader(
                        sip.addressFactory.createAddress(sip.addressFactory.createURI(outcome.contact())));
                    contact.setExpires((int)Math.min(Integer.MAX_VALUE, outcome.expires()));
                    response.addHeader(contact);
                }
                response.addHeader(sip.headerFactory.createDateHeader(
                    Calendar.getInstance(TimeZone.getTimeZone("GMT"), Locale.ROOT)));
                break;

            case Response.UNAUTHORIZED:
                final WWWAuthenticateHeader challenge = sip.headerFactory.createWWWAuthenticateHeader("Digest");
                challenge.setRealm(registrar.realm());
                challenge.setNonce(outcome.nonce());
                challenge.setAlgorithm("MD5");
                challenge.setQop("auth");
                if (outcome.stale())
                {
                    challenge.setStale(true);
                }
                response.addHeader(challenge);
                break;

            case Response.INTERVAL_TOO_BRIEF:
                response.addHeader(sip.headerFactory.createMinExpiresHeader((int)outcome.minExpires()));
                break;

            default:
                break;
        }
        response.addHeader(sip.headerFactory.createServerHeader(List.of(sip.context.userAgent())));
        return response;
    }

    /**
     * A reason phrase as RFC 3261's grammar allows it: quotes and angle brackets of quoted header text become
     * {@code '}, other characters outside the grammar {@code ?}.
     */
    static String phrase(final String reason)
    {
        final StringBuilder builder = new StringBuilder(reason.length());
        for (int i = 0; i < reason.length(); i++)
        {
            final char c = reason.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ' ||
                "-_.!~*'();/?:@&=+$,".indexOf(c) >= 0)
            {
                builder.append(c);
            }
            else
            {
                builder.append(c == '"' || c == '<' || c == '>' ? '\'' : '?');
            }
        }
        return builder.toString();
    }

    private static String user(final HeaderAddress header)
    {
        if (null == header || null == header.getAddress())
        {
            return null;
        }
        final URI uri = header.getAddress().getURI();
        return uri instanceof SipURI ? ((SipURI)uri).getUser() : null;
    }

    /**
     * A header the registrar needs that JAIN-SIP could not parse: it drops such headers from the message and keeps
     * their text aside.
     */
    static String unreadableHeader(final Request request)
    {
        if (!(request instanceof SIPMessage))
        {
            return null;
        }
        final ListIterator<String> unrecognized = ((SIPMessage)request).getUnrecognizedHeaders();
        while (null != unrecognized && unrecognized.hasNext())
        {
            final String header = unrecognized.next();
            final int colon = header.indexOf(':');
            final String name = colon < 0 ? header.trim() : header.substring(0, colon).trim();
            if (REQUIRED_READABLE.contains(name.toLowerCase(Locale.ROOT)))
            {
                final String text = header.trim();
                return "cannot read " + name + " header '" +
                    (text.length() > QUOTE_MAX ? text.substring(0, QUOTE_MAX) + "..." : text) + "'";
            }
        }
        return null;
    }

    private void logOnce(final String source, final String kind, final String format, final String detail)
    {
        final String key = kind + " " + source;
        if (logged.size() < logCapacity && logged.add(key))
        {
            if (null == detail)
            {
                LOGGER.warn(format, source);
            }
            else
            {
                LOGGER.warn(format, source, detail);
            }
        }
        else if (LOGGER.isDebugEnabled())
        {
            LOGGER.debug("REGISTER from {}: {}", source, null == detail ? kind : detail);
        }
    }
}
