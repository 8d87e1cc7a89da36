package com.arasul.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.arasul.platform.ApiError;
import java.io.IOException;
import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

/** The shared error handler where a stream ends: a client that left, an error after the headers went out. */
class ApiErrorHandlerTests {

    private final ApiErrorHandler handler = new ApiErrorHandler();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(ApiErrorHandler.class);
    private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/logs/stream");
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @BeforeEach
    void listen() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(logged);
    }

    @Test
    void clientThatLeftAStreamIsNeitherLoggedAsAnErrorNorAnswered() {
        response.setContentType("text/event-stream");
        response.setCommitted(true);

        ResponseEntity<Object> tomcat = handler.unexpected(new ClientAbortException(new IOException("Broken pipe")),
                request, response);
        ResponseEntity<Object> emitter = handler.unexpected(
                new AsyncRequestNotUsableException("ServletOutputStream failed to flush: Broken pipe"), request, response);

        assertThat(tomcat).isNull();
        assertThat(emitter).isNull();
        assertThat(logged.list).noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.WARN));
    }

    @Test
    void errorAfterAStreamBeganIsLoggedButNoJsonIsWrittenIntoIt() {
        response.setContentType("text/event-stream");
        response.setCommitted(true);

        ResponseEntity<Object> answer = handler.unexpected(new IllegalStateException("the stream broke"), request,
                response);

        assertThat(answer).isNull();
        assertThat(logged.list).anyMatch(event -> event.getLevel() == Level.ERROR
                && event.getFormattedMessage().equals("Unexpected error on GET /api/logs/stream"));
    }

    @Test
    void errorBeforeAnythingWasSentIsAnsweredAsJson() {
        ResponseEntity<Object> answer = handler.unexpected(new IllegalStateException("boom"), request, response);

        assertThat(answer).isNotNull();
        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getBody()).isInstanceOfSatisfying(ApiError.class, error -> assertThat(error.message())
                .isEqualTo("an internal error occurred; see the appliance log"));
    }
}
