package com.arasul.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The framework's debug lines cost nothing while debug is off, and what is on still reaches Logback. */
class DisabledLogLinesTests {

    @Test
    void neverFormatsAFrameworkDebugMessageWhileDebugIsOff() {
        Log log = LogFactory.getLog("org.springframework.integration.handler.SomeHandler");
        AtomicInteger formatted = new AtomicInteger();
        Object message = new Object() {
            @Override
            public String toString() {
                formatted.incrementAndGet();
                return "a large message";
            }
        };

        assertThat(log.isDebugEnabled()).isFalse();
        log.debug(message);

        assertThat(formatted).hasValue(0);
    }

    @Test
    void passesAnEnabledFrameworkLineOnToLogback() {
        var logback = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.springframework.test.Bridged");
        var appender = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        appender.start();
        logback.addAppender(appender);
        try {
            LogFactory.getLog("org.springframework.test.Bridged").warn("reaches Logback");

            assertThat(appender.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                    .containsExactly("reaches Logback");
        } finally {
            logback.detachAppender(appender);
        }
    }
}
