/*
 * Dialer SIP signalling tests.
 */
package io.dialer.sip;

import gov.nist.core.CommonLogger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * JAIN-SIP logs through our SLF4J loggers and log4j 1.x is nowhere on the classpath.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JainSipLoggingTest
{
    @Test
    void shouldNotHaveLog4jOnTheClasspath()
    {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.apache.log4j.Logger"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.apache.log4j.LogManager"));
    }

    @Test
    void shouldRouteJainSipLoggersToSlf4j()
    {
        try (SipStack stack = SipStack.launch(SipTests.signallingContext(new FakeMediaProvider())))
        {
            assertInstanceOf(Slf4jStackLogger.class, CommonLogger.legacyLogger);
            final Properties properties = stack.context().stackProperties();
            assertEquals(Slf4jStackLogger.class.getName(), properties.getProperty("gov.nist.javax.sip.STACK_LOGGER"));
            assertEquals(Slf4jServerLogger.class.getName(),
                properties.getProperty("gov.nist.javax.sip.SERVER_LOGGER"));
            assertEquals("true", properties.getProperty("gov.nist.javax.sip.REENTRANT_LISTENER"));
            assertEquals("false", properties.getProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT"));
            // a static JAIN-SIP logger works without log4j
            CommonLogger.getLogger(JainSipLoggingTest.class).logDebug("no log4j needed");
        }
    }

    @Test
    void shouldRunSeveralStacksInOneJvm()
    {
        try (SipStack first = SipStack.launch(SipTests.signallingContext(new FakeMediaProvider()));
            SipStack second = SipStack.launch(SipTests.signallingContext(new FakeMediaProvider())))
        {
            assertEquals(false, first.port() == second.port());
            assertEquals(false, first.context().stackName().equals(second.context().stackName()));
        }
    }

    @Test
    void shouldCloseRightAfterLaunchWithoutError()
    {
        // JAIN-SIP's UDP processor builds its channels on its own thread after start: closing at once races with it.
        for (int i = 0; i < 5; i++)
        {
            final SipStack stack = SipStack.launch(SipTests.signallingContext(new FakeMediaProvider()));
            stack.close();
            assertEquals(true, stack.isClosed());
        }
    }
}
