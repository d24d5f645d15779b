package io.combot.bootstrap.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on 127.0.0.1 in front of a server, that can go down as the server would under
 * {@code pg_ctl stop -m immediate}: every open connection is reset and new ones are refused, until it comes back on the
 * same port; or that goes silent, as a frozen server or a network that drops packets: connections stay open and new
 * ones are accepted, but nothing is forwarded and nobody is told. The shared test server itself keeps running for the
 * other tests.
 */
final class TcpOutage implements AutoCloseable {
    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;
    private volatile boolean silent;

    TcpOutage(String targetHost, int targetPort) throws IOException {
        this.target = new InetSocketAddress(targetHost, targetPort);
        this.port = listen(0);
    }

    int port() {
        return port;
    }

    /** Resets every relayed connection and refuses new ones. */
    synchronized void down() throws IOException {
        listener.close();
        for (Socket socket : open) {
            reset(socket);
        }
    }

    synchronized void up() throws IOException {
        listen(port);
    }

    /** Drops every byte from now on, both ways, and resets nothing. */
    void silence() {
        silent = true;
    }

    /** Forwards again; what was dropped stays lost, so a connection that was talking meanwhile is out of step. */
    void speak() {
        silent = false;
    }

    @Override
    public void close() throws IOException {
        down();
    }

    private int listen(int onPort) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort));
        listener = server;
        Thread acceptor = new Thread(() -> accept(server), "tcp-outage-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return server.getLocalPort();
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket();
                upstream.connect(target, 2_000);
                open.add(client);
                open.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                // closed by down(), or the target refused: the client sees its connection end
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16_384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    if (!silent) {
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // one side went away
            } finally {
                reset(from);
                reset(to);
            }
        }, "tcp-outage-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private void reset(Socket socket) {
        open.remove(socket);
        try {
            socket.setSoLinger(true, 0); // RST, as a killed server's kernel sends
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
