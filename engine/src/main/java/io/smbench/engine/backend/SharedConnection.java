package io.smbench.engine.backend;

import io.smbench.smb.client.BreakEvent;
import io.smbench.smb.client.ClientConfig;
import io.smbench.smb.client.NegotiationResult;
import io.smbench.smb.client.Negotiator;
import io.smbench.smb.client.SmbClient;
import io.smbench.smb.client.SmbConnection;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The TCP connection of one simulated machine, shared by the clients (users) on it: one ClientGuid
 * and one NEGOTIATE per connection, one SESSION_SETUP per client on it (MS-SMB2 3.2.1.2
 * Connection.SessionTable; 3.3.5.5.1: SessionId 0 on an existing connection starts a new session).
 * Requests of its clients are multiplexed under the connection's credits.
 *
 * <p>When the connection drops, the next client to need it opens a new one with the same ClientGuid
 * (so durable handles can be reclaimed, 3.3.5.9.12) and the other clients join that one instead of
 * opening their own. Oplock and lease breaks arrive per connection; they are handed on with the
 * client whose session holds the broken open.
 */
final class SharedConnection {
    /** A connected and negotiated transport connection. */
    record Established(SmbConnection connection, NegotiationResult negotiation) {}

    private final SmbClient client;
    private final InetSocketAddress address;
    private final String host;
    private final ClientConfig config;
    private final int clients;
    private final BiConsumer<Integer, BreakEvent> breakListener;
    private final Map<Long, Integer> sessionOwners = new ConcurrentHashMap<>();
    private CompletableFuture<Established> current;
    private int connectsStarted;
    private int clientsFinished;

    /**
     * @param config the configuration with this machine's own ClientGuid
     * @param clients how many clients share the connection (to close it after the last one)
     * @param breakListener receives each break with the index of the client that held the open, or -1
     */
    SharedConnection(SmbClient client, String host, int port, ClientConfig config, int clients,
            BiConsumer<Integer, BreakEvent> breakListener) {
        this.client = client;
        this.address = new InetSocketAddress(host, port);
        this.host = host;
        this.config = config;
        this.clients = clients;
        this.breakListener = breakListener;
    }

    /** This machine's configuration; its ClientGuid stays the same across reconnects. */
    ClientConfig config() {
        return config;
    }

    /**
     * The live connection, or the one being opened; opens a new one when there is none or the last
     * one dropped. Clients asking at the same time share one connect.
     */
    synchronized CompletableFuture<Established> established() {
        if (current != null && (!current.isDone() || isLive(current))) {
            return current;
        }
        connectsStarted++;
        current = client.connect(address, config.connectTimeout()).thenCompose(connection -> {
            connection.onBreak(event -> breakListener.accept(sessionOwners.getOrDefault(event.sessionId(), -1), event));
            return Negotiator.negotiate(connection, config, host)
                    .thenApply(negotiation -> new Established(connection, negotiation))
                    .whenComplete((ok, failure) -> {
                        if (failure != null) {
                            connection.close();
                        }
                    });
        });
        return current;
    }

    private static boolean isLive(CompletableFuture<Established> done) {
        return !done.isCompletedExceptionally() && done.join().connection().isOpen();
    }

    /** Names the client that logged on as {@code sessionId}, so its breaks are reported as its own. */
    void sessionOf(int clientIndex, long sessionId, long previousSessionId) {
        if (previousSessionId != 0) {
            sessionOwners.remove(previousSessionId);
        }
        sessionOwners.put(sessionId, clientIndex);
    }

    /** TCP connections opened so far, reconnects included. */
    synchronized int connectsStarted() {
        return connectsStarted;
    }

    /** Called once per client at the end; closes the connection after the last of its clients. */
    void clientFinished() {
        CompletableFuture<Established> last;
        synchronized (this) {
            if (++clientsFinished < clients || current == null) {
                return;
            }
            last = current;
        }
        last.thenAccept(established -> established.connection().close());
    }
}
