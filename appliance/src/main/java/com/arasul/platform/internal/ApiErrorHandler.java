package com.arasul.platform.internal;

import com.arasul.platform.ApiError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Turns every exception of a controller into an {@link ApiError} (OpenAI's shape under /v1/): always JSON whatever the
 * {@code Accept} header (the content type is set, not negotiated), always a sentence without Java
 * in it; unexpected ones are logged, not shown. A client that went away is no error: nothing is logged above debug
 * and nothing is written.
 */
@RestControllerAdvice
class ApiErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    @ExceptionHandler({ConstraintViolationException.class, IllegalArgumentException.class})
    ResponseEntity<Object> badRequest(Exception e, HttpServletRequest request) {
        return respond(HttpStatus.BAD_REQUEST, e.getMessage(), request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return respond(HttpStatus.BAD_REQUEST, "the request body is not valid JSON of the documented shape", request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Object> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return respond(HttpStatus.BAD_REQUEST, "the parameter '" + e.getParameterName() + "' is missing", request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> wrongType(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        Class<?> type = e.getRequiredType();
        String expected = type == null ? "value of the documented form"
                : Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class ? "number in range"
                : type == Boolean.class || type == boolean.class ? "true or false"
                : type.isEnum() ? "one of the documented values"
                : "value of the documented form";
        return respond(HttpStatus.BAD_REQUEST, "the parameter '" + e.getName() + "' must be a " + expected, request);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Object> invalidBody(MethodArgumentNotValidException e, HttpServletRequest request) {
        String message = e.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField() + ": " + f.getDefaultMessage())
                .reduce((a, b) -> a + "; " + b)
                .orElse("the request is not valid");
        return respond(HttpStatus.BAD_REQUEST, message, request);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<Object> invalidParameter(HandlerMethodValidationException e, HttpServletRequest request) {
        String message = e.getAllErrors().stream()
                .map(MessageSourceResolvable::getDefaultMessage)
                .reduce((a, b) -> a + "; " + b)
                .orElse("the request is not valid");
        return respond(HttpStatus.BAD_REQUEST, message, request);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Object> uploadTooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return respond(HttpStatus.CONTENT_TOO_LARGE, "the upload is larger than the appliance accepts", request);
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<Object> missingPart(MissingServletRequestPartException e, HttpServletRequest request) {
        return respond(HttpStatus.BAD_REQUEST, "the multipart part '" + e.getRequestPartName() + "' is missing", request);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> malformedMultipart(MultipartException e, HttpServletRequest request) {
        return respond(HttpStatus.BAD_REQUEST, "the body is not a well-formed multipart/form-data upload", request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) {
        if (e instanceof ErrorResponse known) {
            // Spring MVC's own refusals (404, 405, 406, 415 …) carry their status; their words may name types
            HttpStatus status = HttpStatus.valueOf(known.getStatusCode().value());
            return ResponseEntity.status(status).headers(known.getHeaders()).contentType(MediaType.APPLICATION_JSON)
                    .body(ApiError.forPath(status, ErrorSentences.clean(status.value(), known.getBody().getDetail()),
                            request.getRequestURI()));
        }
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            // a browser closing a page that streams (pull progress, logs, metrics): nobody is left to answer
            log.debug("Client left {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            return null;
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        if (response.isCommitted()) {
            // the headers are out (an event stream, say): a JSON body now would only corrupt what was sent
            return null;
        }
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, "an internal error occurred; see the appliance log", request);
    }

    private static ResponseEntity<Object> respond(HttpStatus status, String message, HttpServletRequest request) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(ApiError.forPath(status, ErrorSentences.clean(status.value(), message), request.getRequestURI()));
    }
}
