package com.arasul.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The convention behind the whole API: every route any module maps answers 401 without a token,
 * but for the few that are public on purpose. A new controller is covered without being listed.
 */
@SecuredApplianceTest
class EveryRouteNeedsATokenTests {

    static final Set<String> PUBLIC = Set.of("/api/auth/login", "/api/health", "/error");
    static final List<String> PUBLIC_PREFIXES = List.of("/api/docs", "/api/swagger-ui", "/api/health/",
            "/v3/api-docs", "/swagger-ui");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyMappedRouteButThePublicOnesAnswers401WithoutToken() {
        ApiClient api = new ApiClient(port);
        List<String> open = new ArrayList<>();
        mappings.getHandlerMethods().keySet().forEach(mapping -> {
            Set<RequestMethod> methods = mapping.getMethodsCondition().getMethods();
            for (String pattern : mapping.getPatternValues()) {
                if (isPublic(pattern)) {
                    continue;
                }
                String path = pattern.replaceAll("\\{[^}]*}", "x").replace("/**", "/x").replace("*", "x");
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    int status = api.send(api.request(path, null)
                            .method(method.name(), HttpRequest.BodyPublishers.noBody())).statusCode();
                    if (status != 401) {
                        open.add(method + " " + pattern + " -> " + status);
                    }
                }
            }
        });

        assertThat(open).as("routes that answered without a token").isEmpty();
        assertThat(mappings.getHandlerMethods()).isNotEmpty();
    }

    private static boolean isPublic(String pattern) {
        return PUBLIC.contains(pattern) || PUBLIC_PREFIXES.stream().anyMatch(pattern::startsWith);
    }
}
