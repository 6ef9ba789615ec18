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
 */
public final class Slf4jStackLogger implements StackLogger
{
    static final String LOGGER_NAME = "gov.nist.javax.sip";

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
        LOGGER.warn("JAIN-SIP exception", ex);
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
        LOGGER.error(message);
    }

    /**
     * {@inheritDoc}
     */
    public void logError(final String message)
    {
        LOGGER.error(message);
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
        LOGGER.error(message, ex);
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
            LOGGER.warn(message);
        }
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
