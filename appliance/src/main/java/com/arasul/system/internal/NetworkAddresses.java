package com.arasul.system.internal;

import com.arasul.system.NetworkInfo;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/** The addresses of the interfaces that are up; read from the kernel, no traffic. */
@Component
public class NetworkAddresses {

    public List<NetworkInfo.Interface> current() {
        List<NetworkInfo.Interface> up = new ArrayList<>();
        List<NetworkInfo.Interface> loopback = new ArrayList<>();
        try {
            for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
                if (!nic.isUp()) {
                    continue;
                }
                List<NetworkInfo.Address> addresses = nic.inetAddresses()
                        .map(NetworkAddresses::address)
                        .sorted(Comparator.comparing(NetworkInfo.Address::family).thenComparing(NetworkInfo.Address::address))
                        .toList();
                if (addresses.isEmpty()) {
                    continue;
                }
                (nic.isLoopback() ? loopback : up).add(new NetworkInfo.Interface(nic.getName(), addresses));
            }
        } catch (SocketException e) {
            return List.of();
        }
        List<NetworkInfo.Interface> result = up.isEmpty() ? loopback : up;
        result.sort(Comparator.comparing(NetworkInfo.Interface::name));
        return List.copyOf(result);
    }

    private static NetworkInfo.Address address(InetAddress address) {
        String text = address.getHostAddress();
        int scope = text.indexOf('%');
        return new NetworkInfo.Address(scope > 0 ? text.substring(0, scope) : text,
                address instanceof Inet4Address ? "IPv4" : "IPv6");
    }
}
