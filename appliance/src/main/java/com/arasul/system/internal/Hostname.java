package com.arasul.system.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/**
 * The host's name, read from the kernel rather than through a name lookup: on an offline box a
 * lookup can hang for seconds.
 */
@Component
public class Hostname {

    private static final Path KERNEL_HOSTNAME = Path.of("/proc/sys/kernel/hostname");

    public String current() {
        try {
            String name = Files.readString(KERNEL_HOSTNAME).trim();
            if (!name.isEmpty()) {
                return name;
            }
        } catch (IOException | SecurityException e) {
            // not Linux, fall through
        }
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** The name the box answers to over mDNS (Avahi): the first label plus {@code .local}. */
    public String mdnsName() {
        String name = current();
        int dot = name.indexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name) + ".local";
    }
}
