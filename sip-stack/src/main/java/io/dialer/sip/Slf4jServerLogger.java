/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Properties;

/**
 * JAIN-SIP's message logger ({@code gov.nist.javax.sip.SERVER_LOGGER}) routed to SLF4J logger
 * {@code io.dialer.sip.messages}: messages are logged at TRACE only, first line only, and the check is one call when
 * TRACE is off. Public only because JAIN-SIP creates it by reflection.
 */
public final class Slf4jServerLogger implements ServerLogger
{
    static final String LOGGER_NAME = "io.dialer.sip.messages";

    private static final Logger LOGGER = LoggerFactory.getLogger(LOGGER_NAME);

    /**
     * Created by JAIN-SIP through its no-argument constructor.
     */
    public Slf4jServerLogger()
    {
    }

    /**
     * {@inheritDoc}
     */
    public void closeLogFile()
    {
    }

    /**
     * {@inheritDoc}
     */
    public void logMessage(
        final SIPMessage message, final String from, final String to, final boolean sender, final long time)
    {
        if (LOGGER.isTraceEnabled())
        {
            LOGGER.trace("{} {} -> {}: {}", sender ? "sent" : "received", from, to, message.getFirstLine());
        }
    }

    /**
     * {@inheritDoc}
     */
    public void logMessage(
        final SIPMessage message,
        final String from,
        final String to,
        final String status,
        final boolean sender,
        final long time)
    {
        logMessage(message, from, to, sender, time);
    }

    /**
     * {@inheritDoc}
     */
    public void logMessage(
        final SIPMessage message, final String from, final String to, final String status, final boolean sender)
    {
        logMessage(message, from, to, sender, 0);
    }

    /**
     * {@inheritDoc}
     */
    public void logException(final Exception ex)
    {
        LOGGER.debug("JAIN-SIP exception", ex);
        Slf4jStackLogger.report("exception", ex);
    }

    /**
     * {@inheritDoc}
     */
    public void setStackProperties(final Properties stackProperties)
    {
    }

    /**
     * {@inheritDoc}
     */
    public void setSipStack(final javax.sip.SipStack sipStack)
    {
    }
}
