package com.arasul.ai.internal;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Run in a JVM of its own by {@link LocalEmbeddingsIsolationTests}, with a fresh HOME: loads the local
 * model, embeds one sentence and prints its dimensions and every address anything in the process
 * asked to connect to (Java's sockets and HTTP clients all ask the default proxy selector first).
 */
public final class LocalEmbeddingsProbe {

    private LocalEmbeddingsProbe() {
    }

    public static void main(String[] args) {
        List<URI> asked = new CopyOnWriteArrayList<>();
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                asked.add(uri);
                return List.of(Proxy.NO_PROXY);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException e) {
            }
        });
        LocalEmbeddings local = new LocalEmbeddings(Path.of(args[0]));
        float[] vector = local.embed(List.of("The appliance embeds offline."), LocalEmbeddings.MODEL).getFirst();
        System.out.println("dimensions=" + vector.length);
        asked.forEach(uri -> System.out.println("connect=" + uri));
    }
}
