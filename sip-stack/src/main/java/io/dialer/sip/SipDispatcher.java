/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

import gov.nist.javax.sip.RequestEventExt;
import gov.nist.javax.sip.message.SIPMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.Transaction;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.RouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The JAIN-SIP listener of one stack: routes requests and responses to legs, answers what needs no leg (OPTIONS,
 * strays, refused peers) and builds requests. Never blocks a JAIN-SIP thread.
 */
final class SipDispatcher implements SipListener
{
    static final String ALLOW = "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO";
    static final long NONCE_LIFETIME_MS = 300_000;

    private static final Logger LOGGER = LoggerFactory.getLogger(SipDispatcher.class);

    final SipStack stack;
    final SipStack.Context context;
    final SipProvider provider;
    final HeaderFactory headerFactory;
    final AddressFactory addressFactory;
    final MessageFactory messageFactory;
    final MediaProvider media;
    final ScheduledExecutorService timer;
    final Executor connector;
    final String host;
    final int port;
    final PeerGuard peerGuard;
    private final SipURI outboundProxy;
    private final RegisterServer registerServer;
    final InviteTemplates templates;

    static final int ENDED_CALLS_REMEMBERED = 4096;

    private final ConcurrentHashMap<String, CallLeg> legs = new ConcurrentHashMap<>();
    private final java.util.Set<String> endedOutbound = java.util.Collections.newSetFromMap(
        new java.util.LinkedHashMap<String, Boolean>(64, 0.75f, false)
        {
            private static final long serialVersionUID = 1L;

            protected boolean removeEldestEntry(final java.util.Map.Entry<String, Boolean> eldest)
            {
                return size() > ENDED_CALLS_REMEMBERED;
            }
        });
    private final AtomicLong legIds = new AtomicLong();
    private final String nonceSecret = DigestNonce.next();
    private volatile InboundCallHandler inboundCallHandler;
    private volatile boolean shutdown;

    SipDispatcher(
        final SipStack stack,
        final SipStack.Context context,
        final SipProvider provider,
        final HeaderFactory headerFactory,
        final AddressFactory addressFactory,
        final MessageFactory messageFactory,
        final MediaProvider media,
        final ScheduledExecutorService timer,
        final Executor connector,
        final String host,
        final int port,
        final Registrar registrar)
    {
        this.stack = stack;
        this.context = context;
        this.provider = provider;
        this.headerFactory = headerFactory;
        this.addressFactory = addressFactory;
        this.messageFactory = messageFactory;
        this.media = media;
        this.timer = timer;
        this.connector = connector;
        this.host = host;
        this.port = port;
        this.peerGuard = new PeerGuard(context.allowedPeerAddresses(), context.refusedSourcesLogged());
        this.inboundCallHandler = context.inboundCallHandler();
        SipURI proxy = null;
        if (null != context.outboundProxy())
        {
            try
            {
                proxy = (SipURI)addressFactory.createURI(context.outboundProxy());
                proxy.setLrParam();
            }
            catch (final Exception ex)
            {
                throw new IllegalStateException("bad outbound proxy URI: " + context.outboundProxy(), ex);
            }
        }
        this.outboundProxy = proxy;
        this.registerServer = null == registrar ? null :
            new RegisterServer(this, registrar, context.refusedSourcesLogged());
        this.templates = new InviteTemplates(this);
    }

    void inboundCallHandler(final InboundCallHandler handler)
    {
        this.inboundCallHandler = handler;
    }

    int activeCalls()
    {
        int count = 0;
        for (final CallLeg leg : legs.values())
        {
            if (!leg.state().isTerminal())
            {
                count++;
            }
        }
        return count;
    }

    PeerGuard peerGuard()
    {
        return peerGuard;
    }

    long nextLegId()
    {
        return legIds.incrementAndGet();
    }

    CallLeg dial(final DialRequest request, final CallListener listener, final PreparedDial prepared)
    {
        final String text = DialRequest.checkTarget(request.target());
        final URI target = templates.parse(text);
        if (null == target || !target.isSipURI())
        {
            throw new IllegalArgumentException("not a SIP URI: " + text);
        }
        final SipURI sipTarget = (SipURI)target;
        final String transportParam = sipTarget.getTransportParam();
        if (sipTarget.isSecure() || (null != transportParam && !"udp".equalsIgnoreCase(transportParam) &&
            !"tcp".equalsIgnoreCase(transportParam)))
        {
            throw new IllegalArgumentException("transport=" + transportParam + " is not supported (" + text +
                "): this dialer speaks SIP over UDP and TCP only; TLS is not supported yet");
        }
        final Transport transport = null != request.transport() ? request.transport() :
            "tcp".equalsIgnoreCase(transportParam) ? Transport.TCP :
            "udp".equalsIgnoreCase(transportParam) ? Transport.UDP : context.defaultTransport();
        if (!context.hasTransport(transport))
        {
            throw new IllegalArgumentException("transport not enabled on this stack: " + transport);
        }
        final long ringTimeoutMs = request.ringTimeoutMs() > 0 ? request.ringTimeoutMs() : context.ringTimeoutMs();
        final long responseTimeoutMs = request.responseTimeoutMs() > 0 ?
            request.responseTimeoutMs() : context.responseTimeoutMs();
        final CallLeg ready = null == prepared ? null : prepared.take(this);
        final CallLeg leg;
        if (null != ready)
        {
            leg = ready;
            synchronized (leg.lock)
            {
                leg.outbox.listener(listener);
            }
        }
        else
        {
            leg = new CallLeg(this, nextLegId(), false, templates.newCallId(), listener);
        }
        legs.put(leg.callId(), leg);
        leg.client.dial(request, sipTarget, transport, ringTimeoutMs, responseTimeoutMs);
        return leg;
    }

    /**
     * An outbound leg made ready ahead of its dial: its Call-ID and its media session; not yet known to the stack.
     */
    PreparedDial prepare(final CallLeg affinity)
    {
        final CallLeg leg = new CallLeg(this, nextLegId(), false, templates.newCallId(), CallLeg.NO_LISTENER);
        try
        {
            synchronized (leg.lock)
            {
                leg.mediaControl.openAhead(affinity);
            }
        }
        catch (final Exception ex)
        {
            LOGGER.debug("cannot prepare a leg: {}", ex.toString());
            return null;
        }
        return new PreparedDial(this, leg);
    }

    CompletableFuture<Integer> ping(final String uri)
    {
        final CompletableFuture<Integer> result = new CompletableFuture<>();
        try
        {
            final SipURI target = (SipURI)addressFactory.createURI(uri);
            final Request options = newRequest(Request.OPTIONS, target, null, null, null, context.defaultTransport(),
                provider.getNewCallId().getCallId(), false);
            final ClientTransaction ct = provider.getNewClientTransaction(options);
            ct.setApplicationData(result);
            ct.sendRequest();
        }
        catch (final Exception ex)
        {
            LOGGER.debug("OPTIONS to {} failed", uri, ex);
            result.complete(Response.SERVICE_UNAVAILABLE);
        }
        return result;
    }

    /**
     * An out-of-dialog request from us, routed through the outbound proxy when configured and not direct.
     */
    Request newRequest(
        final String method,
        final SipURI target,
        final String fromName,
        final String fromUser,
        final String toUri,
        final Transport transport,
        final String callId,
        final boolean direct) throws Exception
    {
        final SipURI proxied = direct ? null : outboundProxy;
        final SipURI requestUri = (SipURI)target.clone();
        if (null == proxied && transport == Transport.TCP)
        {
            requestUri.setTransportParam("tcp");
        }
        final String user = null != fromUser ? fromUser : context.userAgent();
        final SipURI fromUri = addressFactory.createSipURI(user, hostPart());
        fromUri.setPort(port);
        final Address fromAddress = addressFactory.createAddress(fromUri);
        if (null != fromName)
        {
            fromAddress.setDisplayName(fromName);
        }
        final FromHeader from = headerFactory.createFromHeader(fromAddress, newTag());
        final Address toAddress = addressFactory.createAddress(
            null != toUri ? addressFactory.createURI(toUri) : target);
        final ToHeader to = headerFactory.createToHeader(toAddress, null);
        final CallIdHeader callIdHeader = headerFactory.createCallIdHeader(callId);
        final CSeqHeader cseq = headerFactory.createCSeqHeader(1L, method);
        final ViaHeader via = headerFactory.createViaHeader(host, port, transport.sipName(), null);
        via.setRPort();
        final MaxForwardsHeader maxForwards = headerFactory.createMaxForwardsHeader(70);
        final Request request = messageFactory.createRequest(
            requestUri, method, callIdHeader, cseq, from, to, List.of(via), maxForwards);
        if (null != proxied)
        {
            final SipURI proxy = (SipURI)proxied.clone();
            proxy.setTransportParam(transport.sipName());
            final RouteHeader route = headerFactory.createRouteHeader(addressFactory.createAddress(proxy));
            request.addHeader(route);
        }
        request.addHeader(contact(user, transport));
        request.addHeader(headerFactory.createUserAgentHeader(List.of(context.userAgent())));
        return request;
    }

    /**
     * Whether an out-of-dialog request goes through the outbound proxy.
     */
    boolean proxied(final boolean direct)
    {
        return !direct && null != outboundProxy;
    }

    ContactHeader contact(final String user, final Transport transport) throws Exception
    {
        final SipURI uri = addressFactory.createSipURI(user, hostPart());
        uri.setPort(port);
        if (transport == Transport.TCP)
        {
            uri.setTransportParam("tcp");
        }
        return headerFactory.createContactHeader(addressFactory.createAddress(uri));
    }

    String hostPart()
    {
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }

    static String newTag()
    {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }

    ContentTypeHeader sdpContentType() throws Exception
    {
        return headerFactory.createContentTypeHeader("application", "sdp");
    }

    void legEnded(final CallLeg leg)
    {
        // retransmissions after the end are absorbed by JAIN-SIP's transactions, or found via the dialog's data
        if (legs.remove(leg.callId(), leg) && !leg.isInbound())
        {
            synchronized (endedOutbound)
            {
                endedOutbound.add(leg.callId());
            }
        }
    }

    String nonce()
    {
        final String time = Long.toHexString(System.currentTimeMillis());
        return time + "." + Digest.md5(time + ":" + nonceSecret).substring(0, 16);
    }

    boolean validNonce(final String nonce)
    {
        if (null == nonce)
        {
            return false;
        }
        final int dot = nonce.indexOf('.');
        if (dot <= 0)
        {
            return false;
        }
        final String time = nonce.substring(0, dot);
        try
        {
            final long issued = Long.parseLong(time, 16);
            return System.currentTimeMillis() - issued < NONCE_LIFETIME_MS &&
                nonce.substring(dot + 1).equals(Digest.md5(time + ":" + nonceSecret).substring(0, 16));
        }
        catch (final NumberFormatException ex)
        {
            return false;
        }
    }

    void shutdown()
    {
        shutdown = true;
        for (final CallLeg leg : legs.values())
        {
            leg.shutdown();
        }
        legs.clear();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // SipListener

    public void processRequest(final RequestEvent event)
    {
        final Request request = event.getRequest();
        try
        {
            final String method = request.getMethod();
            final String callId = ((CallIdHeader)request.getHeader(CallIdHeader.NAME)).getCallId();
            final CallLeg leg = legs.get(callId);
            switch (method)
            {
                case Request.INVITE:
                    if (null != leg && null != ((ToHeader)request.getHeader(ToHeader.NAME)).getTag())
                    {
                        leg.inDialog.onReinvite(event);
                    }
                    else if (null == leg && null != ((ToHeader)request.getHeader(ToHeader.NAME)).getTag())
                    {
                        // a re-INVITE for a dialog we do not have: RFC 3261 12.2.2
                        respond(event, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
                    }
                    else if (null == leg && admitted(event, method))
                    {
                        onNewInvite(event, callId);
                    }
                    else if (null != leg)
                    {
                        LOGGER.debug("INVITE retransmission or loop for {}", callId);
                    }
                    break;

                case Request.ACK:
                    if (null != leg)
                    {
                        leg.server.onAck(event);
                    }
                    break;

                case Request.BYE:
                    if (null != leg)
                    {
                        leg.inDialog.onBye(event);
                    }
                    else
                    {
                        respond(event, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
                    }
                    break;

                case Request.CANCEL:
                    if (null != leg)
                    {
                        leg.server.onCancel(event);
                    }
                    else
                    {
                        respond(event, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
                    }
                    break;

                case Request.OPTIONS:
                    // in a dialog we do not know (a keepalive for a call that is over): 481, RFC 3261 12.2.2
                    respond(event, null == leg && null != ((ToHeader)request.getHeader(ToHeader.NAME)).getTag() ?
                        Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST : Response.OK);
                    break;

                case Request.INFO:
                    if (null != leg)
                    {
                        leg.inDialog.onInfo(event);
                    }
                    else
                    {
                        respond(event, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
                    }
                    break;

                case Request.REFER:
                    if (admitted(event, method))
                    {
                        respond(event, null != leg ? Response.NOT_IMPLEMENTED :
                            Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
                    }
                    break;

                case Request.REGISTER:
                    if (null != registerServer && !shutdown)
                    {
                        final String source = source(event);
                        registerServer.onRegister(event, null == source ? "unknown" : source);
                    }
                    else
                    {
                        respond(event, Response.METHOD_NOT_ALLOWED);
                    }
                    break;

                case Request.UPDATE:
                case Request.PRACK:
                case Request.NOTIFY:
                    respond(event, null != leg ? Response.NOT_IMPLEMENTED :
                        Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
                    break;

                default:
                    // RFC 3261 8.2.1: a method we do not know is 501 (with Allow, so the sender learns what we do)
                    respond(event, Response.NOT_IMPLEMENTED);
                    break;
            }
        }
        catch (final Exception ex)
        {
            // what the network sent made us fail: one rate-limited line (the trace at DEBUG), never per packet
            LOGGER.debug("failed to process {}", request.getMethod(), ex);
            final String source = source(event);
            BadInputLog.instance().report(null == source ? "unknown" : source, "failed to process a " +
                request.getMethod() + " (" + ex.getClass().getSimpleName() + "): answered 500");
            respondQuietly(event, Response.SERVER_INTERNAL_ERROR);
        }
    }

    /**
     * The IP address a request came from, or null when JAIN-SIP does not say.
     */
    static String source(final RequestEvent event)
    {
        final Request request = event.getRequest();
        String source = null;
        if (event instanceof RequestEventExt)
        {
            source = ((RequestEventExt)event).getRemoteIpAddress();
        }
        if (null == source && request instanceof SIPMessage && null != ((SIPMessage)request).getRemoteAddress())
        {
            source = ((SIPMessage)request).getRemoteAddress().getHostAddress();
        }
        return source;
    }

    private boolean admitted(final RequestEvent event, final String method)
    {
        final Request request = event.getRequest();
        final String source = source(event);
        final ViaHeader via = (ViaHeader)request.getHeader(ViaHeader.NAME);
        final String viaHost = null == via ? null : (null != via.getReceived() ? via.getReceived() : via.getHost());
        if (peerGuard.allows(source, viaHost))
        {
            return true;
        }
        peerGuard.refused(method, null != source ? source : String.valueOf(viaHost));
        respondQuietly(event, Response.FORBIDDEN);
        return false;
    }

    private void onNewInvite(final RequestEvent event, final String callId) throws Exception
    {
        final InboundCallHandler handler = inboundCallHandler;
        if (null == handler || shutdown)
        {
            respond(event, Response.TEMPORARILY_UNAVAILABLE);
            return;
        }
        final ServerTransaction st = serverTransaction(event);
        if (null == st)
        {
            return;
        }
        final CallLeg leg = new CallLeg(this, nextLegId(), true, callId, null);
        if (null != legs.putIfAbsent(callId, leg))
        {
            return;
        }
        leg.server.offer(event.getRequest(), st, handler);
    }

    public void processResponse(final ResponseEvent event)
    {
        final Response response = event.getResponse();
        try
        {
            final ClientTransaction ct = event.getClientTransaction();
            final Object data = null != ct ? ct.getApplicationData() : null;
            if (data instanceof CompletableFuture)
            {
                if (response.getStatusCode() >= 200)
                {
                    @SuppressWarnings("unchecked")
                    final CompletableFuture<Integer> future = (CompletableFuture<Integer>)data;
                    future.complete(response.getStatusCode());
                }
                return;
            }
            CallLeg leg = data instanceof CallLeg ? (CallLeg)data : null;
            final Dialog responseDialog = event.getDialog();
            if (null == leg && null != responseDialog && responseDialog.getApplicationData() instanceof CallLeg)
            {
                leg = (CallLeg)responseDialog.getApplicationData();
            }
            if (null == leg)
            {
                final String callId = ((CallIdHeader)response.getHeader(CallIdHeader.NAME)).getCallId();
                leg = legs.get(callId);
            }
            if (null != leg)
            {
                leg.onResponse(event, ct);
            }
            else if (isInvite2xx(response) && null != event.getDialog() && dialedByUs(response))
            {
                // a late 2xx (after CANCEL, a fork) to an INVITE we sent: ACK it and hang it up
                ackAndBye(event.getDialog(), response);
            }
            else
            {
                // never a request to an address a response names (its Contact) unless we dialed that call
                LOGGER.debug("ignored a {} for no call of ours", response.getStatusCode());
            }
        }
        catch (final Exception ex)
        {
            LOGGER.debug("failed to process response {}", response.getStatusCode(), ex);
            BadInputLog.instance().report("response", "SIP", "failed to process a " + response.getStatusCode() +
                " response (" + ex.getClass().getSimpleName() + ")");
        }
    }

    private boolean dialedByUs(final Response response)
    {
        final CallIdHeader callId = (CallIdHeader)response.getHeader(CallIdHeader.NAME);
        synchronized (endedOutbound)
        {
            return null != callId && endedOutbound.contains(callId.getCallId());
        }
    }

    static boolean isInvite2xx(final Response response)
    {
        final int status = response.getStatusCode();
        return status >= 200 && status < 300 &&
            Request.INVITE.equals(((CSeqHeader)response.getHeader(CSeqHeader.NAME)).getMethod());
    }

    /**
     * A 2xx we do not want (after CANCEL, a fork, an unknown call): ACK it, then BYE it.
     */
    void ackAndBye(final Dialog dialog, final Response response)
    {
        try
        {
            final long seq = ((CSeqHeader)response.getHeader(CSeqHeader.NAME)).getSeqNumber();
            dialog.sendAck(dialog.createAck(seq));
            final Request bye = dialog.createRequest(Request.BYE);
            final ClientTransaction ct = provider.getNewClientTransaction(bye);
            dialog.sendRequest(ct);
        }
        catch (final Exception ex)
        {
            LOGGER.debug("ACK/BYE of unwanted 2xx failed", ex);
        }
    }

    public void processTimeout(final TimeoutEvent event)
    {
        try
        {
            final Transaction tx = event.isServerTransaction() ?
                event.getServerTransaction() : event.getClientTransaction();
            if (null == tx)
            {
                return;
            }
            final Object data = tx.getApplicationData();
            if (data instanceof CompletableFuture)
            {
                @SuppressWarnings("unchecked")
                final CompletableFuture<Integer> future = (CompletableFuture<Integer>)data;
                future.complete(Response.REQUEST_TIMEOUT);
                return;
            }
            CallLeg leg = data instanceof CallLeg ? (CallLeg)data : null;
            if (null == leg)
            {
                final String callId = ((CallIdHeader)tx.getRequest().getHeader(CallIdHeader.NAME)).getCallId();
                leg = legs.get(callId);
            }
            if (null != leg)
            {
                leg.onTimeout(tx, event.isServerTransaction());
            }
        }
        catch (final Exception ex)
        {
            LOGGER.warn("failed to process timeout", ex);
        }
    }

    public void processIOException(final IOExceptionEvent event)
    {
        LOGGER.debug("I/O error towards {}:{}/{}", event.getHost(), event.getPort(), event.getTransport());
        // JAIN-SIP raises it when a retransmission cannot be sent, with the transaction as its source
        final Object source = event.getSource();
        if (source instanceof Transaction)
        {
            final Transaction tx = (Transaction)source;
            if (tx.getApplicationData() instanceof CallLeg)
            {
                ((CallLeg)tx.getApplicationData()).onTransportError(tx, "I/O error sending to " + event.getHost() +
                    ":" + event.getPort() + " over " + event.getTransport());
            }
        }
    }

    public void processTransactionTerminated(final TransactionTerminatedEvent event)
    {
    }

    public void processDialogTerminated(final DialogTerminatedEvent event)
    {
    }

    // ---------------------------------------------------------------------------------------------------------------
    // responses

    ServerTransaction serverTransaction(final RequestEvent event)
    {
        ServerTransaction st = event.getServerTransaction();
        if (null == st)
        {
            try
            {
                st = provider.getNewServerTransaction(event.getRequest());
            }
            catch (final Exception ex)
            {
                LOGGER.debug("no server transaction for {}: {}", event.getRequest().getMethod(), ex.toString());
                return null;
            }
        }
        return st;
    }

    void respond(final RequestEvent event, final int status) throws Exception
    {
        final Response response = messageFactory.createResponse(status, event.getRequest());
        if (Response.METHOD_NOT_ALLOWED == status || Response.NOT_IMPLEMENTED == status)
        {
            // RFC 3261 21.4.6: a 405 must list what is allowed
            response.addHeader(headerFactory.createAllowHeader(ALLOW));
        }
        if (status == Response.OK && Request.OPTIONS.equals(event.getRequest().getMethod()))
        {
            response.addHeader(headerFactory.createAllowHeader(ALLOW));
            response.addHeader(headerFactory.createAcceptHeader("application", "sdp"));
            response.addHeader(headerFactory.createAcceptHeader("application", "dtmf-relay"));
        }
        if (status >= 200 && null == ((ToHeader)response.getHeader(ToHeader.NAME)).getTag())
        {
            ((ToHeader)response.getHeader(ToHeader.NAME)).setTag(newTag());
        }
        response.addHeader(headerFactory.createServerHeader(List.of(context.userAgent())));
        final ServerTransaction st = event.getServerTransaction();
        if (null != st)
        {
            st.sendResponse(response);
        }
        else
        {
            provider.sendResponse(response);
        }
    }

    void respondQuietly(final RequestEvent event, final int status)
    {
        try
        {
            respond(event, status);
        }
        catch (final Exception ex)
        {
            LOGGER.debug("cannot send {}: {}", status, ex.toString());
        }
    }
}
