package com.arasul.security.internal;

import com.arasul.platform.LiveConnections;
import com.arasul.security.SessionsRevoked;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends what a session keeps open when the session ends: every WebSocket and every answer still being
 * streamed (event streams, whichever module serves them) is closed within the revocation itself.
 * WebSockets register themselves ({@link com.arasul.platform.WebSocketBroadcaster}); streamed answers
 * are registered here, by the filter chain, the moment a handler leaves its request open.
 */
@Component
class SessionConnections {

    private static final Logger log = LoggerFactory.getLogger(SessionConnections.class);

    private final LiveConnections connections;

    SessionConnections(LiveConnections connections) {
        this.connections = connections;
    }

    @EventListener
    void on(SessionsRevoked revoked) {
        int closed = connections.close(revoked.tokenIds());
        if (closed > 0) {
            log.info("Closed {} live connection(s) of {} ended session(s) of {}", closed, revoked.tokenIds().size(),
                    revoked.username());
        }
    }

    /** The filter that registers each request left open (asynchronous) under its session. */
    OncePerRequestFilter openAnswers() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                chain.doFilter(request, response);
                if (request.isAsyncStarted()) {
                    register(request.getAsyncContext());
                }
            }
        };
    }

    private void register(AsyncContext async) {
        var caller = SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication();
        LiveConnections.Registration registration = connections.register(caller, () -> {
            try {
                async.complete();
            } catch (IllegalStateException over) {
                // completed by its own handler meanwhile
            }
        });
        async.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                registration.close();
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                registration.close();
            }

            @Override
            public void onError(AsyncEvent event) {
                registration.close();
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // the same request going asynchronous again keeps its registration
            }
        });
    }
}
