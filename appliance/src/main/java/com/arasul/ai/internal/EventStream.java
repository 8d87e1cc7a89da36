package com.arasul.ai.internal;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Server-sent events written straight to the response, flushed per event so each chunk leaves at once. */
final class EventStream {

    private final ServletOutputStream out;

    private EventStream(ServletOutputStream out) {
        this.out = out;
    }

    static EventStream open(HttpServletResponse response) throws IOException {
        response.setStatus(200);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        // nginx in front must not buffer the stream
        response.setHeader("X-Accel-Buffering", "no");
        response.flushBuffer();
        return new EventStream(response.getOutputStream());
    }

    /** One event; a write to a client that went away throws, which ends the upstream request too. */
    void send(String event, String data) throws IOException {
        StringBuilder text = new StringBuilder();
        if (event != null) {
            text.append("event: ").append(event).append('\n');
        }
        text.append("data: ").append(data).append("\n\n");
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
