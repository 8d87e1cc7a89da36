package com.arasul.platform.internal;

import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/**
 * The sentence an error answer carries when there is no better one, and the guard that keeps Java
 * out of every message: a message naming a class, an exception or an internal arithmetic fault is
 * replaced by the sentence for its status.
 */
final class ErrorSentences {

    private static final Pattern INTERNALS = Pattern.compile(
            "(\\b[a-z]+\\.[a-z]+\\.[a-zA-Z.]*[A-Z]\\w*)|Exception|\\boverflow\\b|\\bnull\\b|\\$|\\bat [a-z]+\\.|For input string");

    private ErrorSentences() {
    }

    static String of(int status) {
        return switch (status) {
            case 400 -> "the request is malformed (its address, parameters, headers or body); it was not processed";
            case 401 -> "authentication required: send a bearer token from POST /api/auth/login";
            case 403 -> "access denied";
            case 404 -> "there is nothing at this address";
            case 405 -> "this address does not take this method";
            case 406 -> "this address cannot answer in a form the Accept header allows; it answers JSON";
            case 408 -> "the request took too long to arrive";
            case 413 -> "the request is too large";
            case 414 -> "the address of the request is too long";
            case 415 -> "the body is in a form this address does not take";
            case 429 -> "too many requests; retry later";
            case 431 -> "the request headers are too large";
            case 503 -> "the appliance cannot serve this now; retry later";
            default -> status >= 500 ? "an internal error occurred; see the appliance log"
                    : reason(status);
        };
    }

    /** {@code message} when it is a plain sentence, the status's own sentence otherwise. */
    static String clean(int status, String message) {
        if (message == null || message.isBlank() || message.length() > 500 || INTERNALS.matcher(message).find()) {
            return of(status);
        }
        return message;
    }

    private static String reason(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "the request was refused" : known.getReasonPhrase().toLowerCase(java.util.Locale.ROOT);
    }
}
