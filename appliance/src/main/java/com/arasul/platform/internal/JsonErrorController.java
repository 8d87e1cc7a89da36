package com.arasul.platform.internal;

import com.arasul.platform.ApiError;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page ({@code /error}) in the API's shape, whatever the
 * {@code Accept} header asks for: no whitelabel HTML, no exception text.
 */
@Hidden
@RestController
class JsonErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<Object> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // asked for directly, without an error to report, there is nothing here
        int status = code instanceof Integer value && value >= 400 ? value : 404;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        HttpStatus resolved = HttpStatus.resolve(status);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(ApiError.forPath(resolved != null ? resolved : HttpStatus.INTERNAL_SERVER_ERROR,
                        ErrorSentences.of(status), uri instanceof String path ? path : request.getRequestURI()));
    }
}
