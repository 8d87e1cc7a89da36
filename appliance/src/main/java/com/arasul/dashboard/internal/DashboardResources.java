package com.arasul.dashboard.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the dashboard. Vite names every asset after a hash of its content, so an asset never changes
 * under its name and may be cached for a year; the index names the current assets, so it is checked
 * every time. A path without a file extension outside the API is a client route (/updates, /rules/…)
 * and gets the index, so reloads and bookmarks work; anything else unknown stays a 404.
 */
@Configuration(proxyBeanMethods = false)
class DashboardResources implements WebMvcConfigurer {

    static final String LOCATION = "META-INF/resources/";
    private static final Pattern CLIENT_ROUTE = Pattern.compile("[a-z0-9-]+(/.*)?");
    /** Served by the appliance itself or by other handlers: never the index in their place. */
    private static final List<String> NOT_CLIENT_ROUTES = List.of("api", "actuator", "v1", "v3", "swagger-ui",
            "assets", "error");

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/" + LOCATION + "assets/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .resourceChain(true)
                .addResolver(new PathResourceResolver());
        registry.addResourceHandler("/**")
                .addResourceLocations("classpath:/" + LOCATION)
                .setCacheControl(CacheControl.noCache())
                .resourceChain(true)
                .addResolver(new ClientRoutes());
    }

    static boolean isClientRoute(String path) {
        if (path.isEmpty()) {
            return true;
        }
        String first = path.split("/", 2)[0];
        return CLIENT_ROUTE.matcher(path).matches() && !NOT_CLIENT_ROUTES.contains(first);
    }

    /** A file that exists is itself; a client route is the index. */
    private static final class ClientRoutes extends PathResourceResolver {

        @Override
        protected Resource getResource(String resourcePath, Resource location) throws IOException {
            Resource index = new ClassPathResource(LOCATION + "index.html");
            if (resourcePath.isEmpty()) {
                return index.isReadable() ? index : null;
            }
            Resource found = super.getResource(resourcePath, location);
            if (found != null) {
                return found;
            }
            return isClientRoute(resourcePath) && index.isReadable() ? index : null;
        }
    }
}
