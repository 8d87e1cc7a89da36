package com.arasul.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a {@code ?ticket=} stand for its session on an event stream (and nowhere else): the ticket is
 * spent on the first try, good or not. A request that also sends an {@code Authorization} header is
 * left to the header.
 */
final class StreamTicketFilter extends OncePerRequestFilter {

    static final String TICKET_PARAMETER = "ticket";

    private final StreamTickets tickets;
    private final StreamEndpoints streams;
    private final ApiErrorWriter errors;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    StreamTicketFilter(StreamTickets tickets, StreamEndpoints streams, ApiErrorWriter errors) {
        this.tickets = tickets;
        this.streams = streams;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String ticket = request.getParameter(TICKET_PARAMETER);
        if (ticket == null || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            chain.doFilter(request, response);
            return;
        }
        if (!streams.isStream(request)) {
            errors.write(request, response, HttpStatus.UNAUTHORIZED,
                    "a stream ticket opens event streams only; send a bearer token here");
            return;
        }
        var session = tickets.redeem(ticket);
        if (session.isEmpty()) {
            errors.write(request, response, HttpStatus.UNAUTHORIZED,
                    "the stream ticket is unknown, used or expired; ask POST /api/auth/stream-ticket for a new one");
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(session.get());
        contexts.setContext(context);
        chain.doFilter(request, response);
    }
}
