package com.arasul.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The event-stream routes of the whole application, found rather than listed: every GET handler
 * that produces {@code text/event-stream} or answers with an emitter. Only these accept a stream
 * ticket, so a ticket can never open an ordinary route; an SSE endpoint that a module adds later is
 * covered without touching this class. Collected once, on the first ticket seen.
 */
final class StreamEndpoints {

    private final ListableBeanFactory beans;
    private volatile List<PathPattern> patterns;

    StreamEndpoints(ListableBeanFactory beans) {
        this.beans = beans;
    }

    boolean isStream(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return false;
        }
        PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
        return patterns().stream().anyMatch(pattern -> pattern.matches(path));
    }

    private List<PathPattern> patterns() {
        List<PathPattern> found = patterns;
        if (found == null) {
            found = beans.getBeansOfType(RequestMappingHandlerMapping.class).values().stream()
                    .flatMap(mapping -> mapping.getHandlerMethods().entrySet().stream())
                    .filter(route -> isStream(route.getKey(), route.getValue()))
                    .flatMap(route -> route.getKey().getPatternValues().stream())
                    .map(PathPatternParser.defaultInstance::parse)
                    .toList();
            patterns = found;
        }
        return found;
    }

    private static boolean isStream(RequestMappingInfo info, HandlerMethod handler) {
        var methods = info.getMethodsCondition().getMethods();
        boolean get = methods.isEmpty() || methods.contains(RequestMethod.GET);
        boolean produces = info.getProducesCondition().getProducibleMediaTypes().stream()
                .anyMatch(MediaType.TEXT_EVENT_STREAM::isCompatibleWith);
        boolean emitter = ResponseBodyEmitter.class.isAssignableFrom(handler.getReturnType().getParameterType());
        return get && (produces || emitter);
    }
}
