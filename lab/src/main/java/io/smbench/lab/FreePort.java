package io.smbench.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Finds free TCP ports and probes whether a port accepts connections. */
final class FreePort {
    private FreePort() {}

    /**
     * Asks the kernel for a free port on {@code host}. Another process may take it before smbd binds it:
     * callers retry with a new port when smbd fails to bind.
     *
     * @param host a local address
     * @return a port that was free a moment ago
     */
    static int find(String host) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + host, e);
        }
    }

    /**
     * @param host address
     * @param port port
     * @param timeoutMillis connect timeout
     * @return true when a TCP connection to host:port succeeds
     */
    static boolean accepts(String host, int port, int timeoutMillis) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), timeoutMillis);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
