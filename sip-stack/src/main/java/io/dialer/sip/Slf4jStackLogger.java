/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

import gov.nist.core.StackLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Properties;

/**
 * JAIN-SIP's stack logger ({@code gov.nist.javax.sip.STACK_LOGGER}) routed to SLF4J logger {@code gov.nist.javax.sip},
 * so JAIN-SIP never looks for log4j 1.x. Public only because JAIN-SIP creates it by reflection.
 * <p>
 * JAIN-SIP puts what it received into its error texts (a whole 64 KiB receive buffer as decimal numbers, a bad
 * message's text) and logs stack traces for what the network sent: its errors and warnings go through
 * {@link BadInputLog} as a short summary (the leading words of the text and the exception's class, never content or
 * frames), rate-limited per kind; the full text and trace are logged at DEBUG only.
 */
public final class Slf4jStackLogger implements StackLogger
{
    static final String LOGGER_NAME = "gov.nist.javax.sip";
    static final int SUMMARY_LENGTH = 60;

    private static final Logger LOGGER = LoggerFactory.getLogger(LOGGER_NAME);

    /**
     * Created by JAIN-SIP through its no-argument constructor.
     */
    public Slf4jStackLogger()
    {
    }

    /**
     * {@inheritDoc}
     */
    public void logStackTrace()
    {
    }

    /**
     * {@inheritDoc}
     */
    public void logStackTrace(final int traceLevel)
    {
    }

    /**
     * {@inheritDoc}
     */
    public int getLineCount()
    {
        return 0;
    }

    /**
     * {@inheritDoc}
     */
    public void logException(final Throwable ex)
    {
        LOGGER.debug("JAIN-SIP exception", ex);
        report("exception", ex);
    }

    /**
     * {@inheritDoc}
     */
    public void logDebug(final String message)
    {
        LOGGER.debug(message);
    }

    /**
     * {@inheritDoc}
     */
    public void logDebug(final String message, final Exception ex)
    {
        LOGGER.debug(message, ex);
    }

    /**
     * {@inheritDoc}
     */
    public void logTrace(final String message)
    {
        LOGGER.trace(message);
    }

    /**
     * {@inheritDoc}
     */
    public void logFatalError(final String message)
    {
        LOGGER.debug(message);
        report(message, null);
    }

    /**
     * {@inheritDoc}
     */
    public void logError(final String message)
    {
        LOGGER.debug(message);
        report(message, null);
    }

    /**
     * {@inheritDoc}
     */
    public boolean isLoggingEnabled()
    {
        return LOGGER.isDebugEnabled();
    }

    /**
     * {@inheritDoc}
     */
    public boolean isLoggingEnabled(final int logLevel)
    {
        if (logLevel <= TRACE_ERROR)
        {
            return LOGGER.isErrorEnabled();
        }
        if (logLevel <= TRACE_WARN)
        {
            return LOGGER.isWarnEnabled();
        }
        if (logLevel <= TRACE_DEBUG)
        {
            return LOGGER.isDebugEnabled();
        }
        return LOGGER.isTraceEnabled();
    }

    /**
     * {@inheritDoc}
     */
    public void logError(final String message, final Exception ex)
    {
        LOGGER.debug(message, ex);
        if (!(ex instanceof GuardedTcpProcessor.RefusedConnectionException))
        {
            report(message, ex);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void logWarning(final String message)
    {
        if (isTlsNotice(message))
        {
            LOGGER.debug(message);
        }
        else
        {
            LOGGER.debug(message);
            report(message, null);
        }
    }

    /**
     * One rate-limited WARN line naming what JAIN-SIP complained about, never what it received.
     */
    static void report(final String message, final Throwable ex)
    {
        final String summary = summary(message) + (null == ex ? "" : " (" + ex.getClass().getSimpleName() + ")");
        BadInputLog.instance().report("jain-sip:" + summary, "JAIN-SIP", summary);
    }

    /**
     * The leading words of a JAIN-SIP text: letters, digits, spaces and a little punctuation up to the first other
     * character (where JAIN-SIP appends buffers, messages, header values) and at most {@value #SUMMARY_LENGTH}
     * characters.
     *
     * @param message the text.
     * @return the summary, never null.
     */
    static String summary(final String message)
    {
        if (null == message)
        {
            return "error";
        }
        final int limit = Math.min(message.length(), SUMMARY_LENGTH);
        int end = 0;
        while (end < limit)
        {
            final char c = message.charAt(end);
            if (!(Character.isLetterOrDigit(c) && c < 128) && ' ' != c && '.' != c && ',' != c && '-' != c &&
                '!' != c && '>' != c && '\'' != c)
            {
                break;
            }
            end++;
        }
        final String summary = message.substring(0, end).replace(">", "").trim();
        return summary.isEmpty() ? "error" : summary;
    }

    /**
     * JAIN-SIP warns about its TLS defaults at every stack start although we use no TLS: those are debug here.
     */
    private static boolean isTlsNotice(final String message)
    {
        if (null == message)
        {
            return false;
        }
        final String lower = message.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("tls") || lower.contains("keystore") || lower.contains("truststore");
    }

    /**
     * JAIN-SIP logs per message at its INFO level (for example for every received packet): that is debug here, so a
     * loaded stack does not flood the log.
     *
     * @param message the message.
     */
    public void logInfo(final String message)
    {
        LOGGER.debug(message);
    }

    /**
     * {@inheritDoc}
     */
    public void disableLogging()
    {
    }

    /**
     * {@inheritDoc}
     */
    public void enableLogging()
    {
    }

    /**
     * {@inheritDoc}
     */
    public void setBuildTimeStamp(final String buildTimeStamp)
    {
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
    public String getLoggerName()
    {
        return LOGGER_NAME;
    }
}
