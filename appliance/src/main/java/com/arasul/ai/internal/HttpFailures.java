package com.arasul.ai.internal;

import com.arasul.ai.internal.OllamaWire.ErrorResponse;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/** Turns what went wrong with an HTTP call into half a sentence an owner can read. */
final class HttpFailures {

    private static final int MAX_ERROR_TEXT = 200;

    private HttpFailures() {
    }

    static String describe(RestClientException e, Duration connectTimeout, Duration readTimeout) {
        if (e instanceof RestClientResponseException response) {
            String error = errorText(response);
            return "answered HTTP " + response.getStatusCode().value() + (error.isEmpty() ? "" : ": " + error);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException) {
                return "could not be connected to within " + human(connectTimeout);
            }
            if (t instanceof HttpTimeoutException) {
                return "did not answer within " + human(readTimeout);
            }
            if (t instanceof ConnectException) {
                return "refused the connection (not running?)";
            }
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return "has a host name that does not resolve";
            }
        }
        // Spring's own message may quote a whole response body; the innermost cause is about the wire
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String why = root == e || root.getMessage() == null ? root.getClass().getSimpleName()
                : root.getClass().getSimpleName() + ": " + shorten(root.getMessage());
        return "failed (" + why + ")";
    }

    static String human(Duration duration) {
        long millis = duration.toMillis();
        return millis < 1000 ? millis + " ms" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static String errorText(RestClientResponseException response) {
        String text;
        try {
            ErrorResponse body = response.getResponseBodyAs(ErrorResponse.class);
            text = body != null && body.error() != null ? body.error() : "";
        } catch (RuntimeException notJson) {
            text = response.getStatusText();
        }
        return shorten(text);
    }

    private static String shorten(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() > MAX_ERROR_TEXT ? flat.substring(0, MAX_ERROR_TEXT) + "…" : flat;
    }
}
