package com.arasul.containers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A forwarder from a unix socket of our own to the Docker socket, so a test can take "the daemon"
 * away from one client without stopping the engine everybody else on this machine uses. While
 * cut, every open connection is dropped and each new one is answered {@code 502} and closed, like
 * a daemon that is gone behind a socket that is still there; each attempt is recorded.
 */
public final class UnixSocketProxy implements AutoCloseable {

    private static final byte[] GONE = ("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);

    private final Path socket;
    private final Path target;
    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();
    private final List<Instant> refused = new CopyOnWriteArrayList<>();
    private volatile boolean cut;
    private ServerSocketChannel server;

    public UnixSocketProxy(Path socket, Path target) {
        this.socket = socket;
        this.target = target;
    }

    public UnixSocketProxy start() {
        try {
            Files.deleteIfExists(socket);
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofPlatform().daemon().name("dck-proxy-accept").start(this::accept);
        return this;
    }

    /** A started proxy to the local Docker socket, from a socket in a temporary folder named {@code prefix...}. */
    public static UnixSocketProxy toLocalDocker(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            return new UnixSocketProxy(dir.resolve("docker.sock"), Path.of("/var/run/docker.sock")).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URI a Docker client uses to reach the engine through this proxy. */
    public String dockerHost() {
        return "unix://" + socket.toAbsolutePath();
    }

    public void cut() {
        cut = true;
        open.forEach(UnixSocketProxy::closeQuietly);
        open.clear();
    }

    public void restore() {
        cut = false;
    }

    /** When connections came in while cut. */
    public List<Instant> refusedAttempts() {
        return List.copyOf(refused);
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                if (cut) {
                    refused.add(Instant.now());
                    Thread.ofPlatform().daemon().name("dck-proxy-refuse").start(() -> refuse(client));
                    continue;
                }
                SocketChannel upstream = SocketChannel.open(UnixDomainSocketAddress.of(target));
                open.add(client);
                open.add(upstream);
                Thread.ofPlatform().daemon().name("dck-proxy-up").start(() -> pump(client, upstream));
                Thread.ofPlatform().daemon().name("dck-proxy-down").start(() -> pump(upstream, client));
            } catch (IOException e) {
                if (!server.isOpen()) {
                    return;
                }
            }
        }
    }

    /** Reads the request head first: closing on unread bytes would reset the connection and invite a retry. */
    private static void refuse(SocketChannel client) {
        ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
        try {
            StringBuilder head = new StringBuilder();
            while (!head.toString().contains("\r\n\r\n") && client.read(buffer) >= 0) {
                buffer.flip();
                head.append(StandardCharsets.US_ASCII.decode(buffer));
                buffer.clear();
            }
            client.write(ByteBuffer.wrap(GONE));
        } catch (IOException ignored) {
            // the client gave up first
        } finally {
            closeQuietly(client);
        }
    }

    private void pump(SocketChannel from, SocketChannel to) {
        ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
        try {
            while (from.read(buffer) >= 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    to.write(buffer);
                }
                buffer.clear();
            }
        } catch (IOException closed) {
            // one side went away; so does the other
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    @Override
    public void close() {
        cut();
        closeQuietly(server);
        try {
            Files.deleteIfExists(socket);
        } catch (IOException ignored) {
            // a socket file in a temp folder is harmless
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (IOException ignored) {
            // already closed
        }
    }
}
