/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPDialog;
import gov.nist.javax.sip.stack.SIPMessageValve;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import javax.sip.DialogState;
import javax.sip.SipException;
import javax.sip.SipStack;
import javax.sip.message.Response;
import java.util.concurrent.atomic.LongAdder;

/**
 * A JAIN-SIP message valve ({@code SIPMessageValve}, added to the stack's valves by {@link SipStack}): answers a retransmitted 2xx of an INVITE we already
 * ACKed by resending that ACK, before JAIN-SIP looks for its transaction.
 * <p>
 * JAIN-SIP removes an INVITE client transaction within 0.5 s of its 2xx. A retransmission of that 2xx (the far end
 * did not see our ACK yet) then finds no transaction by its branch, and JAIN-SIP scans every client transaction of
 * the stack, with several {@code toLowerCase} calls each, before it resends the ACK from the dialog. With thousands
 * of transactions (each call's BYE lingers 5 s, Timer K) a scan costs about a millisecond; under load, late ACKs
 * bring more retransmissions, each costing a scan: the collapse of a single stack in {@code docs/performance.md}.
 * All our branches carry RFC 3261's magic cookie, so the scan cannot find anything the lookup by branch did not.
 * At the end of that path the 2xx reached our listener, which sent the dialog's last ACK again
 * ({@code InviteClient} on a 2xx of an answered leg); JAIN-SIP's dialog filter resends it itself only for a dialog
 * that has also seen an ACK, i.e. a server dialog. This valve sends that same ACK ({@link SIPDialog#resendAck()})
 * when the dialog is not terminated and its last ACK has the 2xx's CSeq, and drops the response. A response with
 * no transaction whose dialog is terminated, or that is not a 2xx, is dropped here as JAIN-SIP's dialog filter
 * drops it after the scan. Any other response goes on to JAIN-SIP unchanged.
 * Public only as JAIN-SIP's valve interface is; {@link SipStack} adds it to the stack's list itself, since JAIN-SIP
 * sleeps 100 ms for each valve it loads from {@code gov.nist.javax.sip.SIP_MESSAGE_VALVE}.
 */
public final class RetransmittedOkValve implements SIPMessageValve
{
    private static final String MAGIC_COOKIE = "z9hg4bk";

    private final LongAdder reAcked = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private SIPTransactionStack stack;

    /**
     * A valve to {@link #init} with its stack.
     */
    public RetransmittedOkValve()
    {
    }

    /**
     * {@inheritDoc}
     */
    public void init(final SipStack sipStack)
    {
        stack = sipStack instanceof SIPTransactionStack ? (SIPTransactionStack)sipStack : null;
    }

    /**
     * {@inheritDoc}
     */
    public void destroy()
    {
        stack = null;
    }

    /**
     * Every request goes on.
     *
     * @param request the request.
     * @param channel where it came from.
     * @return {@code true}.
     */
    public boolean processRequest(final SIPRequest request, final MessageChannel channel)
    {
        return true;
    }

    /**
     * A response without a transaction but with a dialog: a retransmitted 2xx whose ACK we sent gets that ACK
     * again; one JAIN-SIP would drop is dropped.
     *
     * @param response the response.
     * @param channel where it came from.
     * @return {@code false} when it was handled here, {@code true} when JAIN-SIP handles it.
     */
    public boolean processResponse(final Response response, final MessageChannel channel)
    {
        final SIPTransactionStack stack = this.stack;
        if (null == stack || !(response instanceof SIPResponse))
        {
            return true;
        }
        final SIPResponse late = (SIPResponse)response;
        final String key = late.getTransactionId();
        if (null == key || !key.startsWith(MAGIC_COOKIE) || null != stack.findTransaction(key, false))
        {
            return true;
        }
        final SIPDialog dialog = stack.getDialog(late.getDialogId(false));
        if (null == dialog)
        {
            return true;
        }
        if (late.getStatusCode() / 100 != 2 || DialogState.TERMINATED == dialog.getState())
        {
            dropped.increment(); // JAIN-SIP's dialog filter drops it too, after the scan
            return false;
        }
        if (!ackedAlready(dialog, late))
        {
            return true;
        }
        try
        {
            dialog.resendAck();
            reAcked.increment();
            return false;
        }
        catch (final SipException | RuntimeException ex)
        {
            return true; // JAIN-SIP's own path tries again and logs
        }
    }

    /**
     * Retransmitted 2xx answered here.
     *
     * @return the count since the stack started.
     */
    long reAcked()
    {
        return reAcked.sum();
    }

    /**
     * Responses dropped here: no transaction, and a dialog that is terminated or a response that is not a 2xx.
     *
     * @return the count since the stack started.
     */
    long dropped()
    {
        return dropped.sum();
    }

    private static boolean ackedAlready(final SIPDialog dialog, final SIPResponse ok)
    {
        return dialog.isAckSent() && dialog.isLastAckPresent() &&
            null != dialog.getLastAckSentCSeq() && null != ok.getCSeq() &&
            dialog.getLastAckSentCSeq().getSeqNumber() == ok.getCSeq().getSeqNumber() &&
            ok.getCSeq().getMethod().equals(dialog.getMethod());
    }
}
