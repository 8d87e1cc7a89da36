package com.arasul.host;

import com.arasul.host.internal.HostProperties;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Host properties bound the way Spring binds them: the defaults, with the given settings on top. */
final class HostTestProperties {

    private HostTestProperties() {
    }

    static HostProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("arasul.host", HostProperties.class);
    }
}
