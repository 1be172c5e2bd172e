package io.smbench.engine.compile;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Decides which workload client each captured operation belongs to, and names operations and
 * handles within each client. With {@link ClientsBy#CONNECTION} a client is a TCP connection
 * ({@code conn001} in order of first packet); with {@link ClientsBy#SESSION} an SMB session
 * ({@code session-<SessionId in hex>}, MS-SMB2 2.2.1.2); with {@link ClientsBy#USER} the NTLM user
 * of the session ({@code DOMAIN\\user}, from the AUTHENTICATE_MESSAGE in SESSION_SETUP, MS-NLMP
 * 2.2.1.3), falling back to the session's name when the user cannot be read (Kerberos, encrypted
 * or missing SESSION_SETUP).
 *
 * <p>Durable opens are remembered across connections by their FileId, so a CREATE reclaiming one
 * (DHnC/DH2C, MS-SMB2 3.2.4.4) keeps the original handle_ref. A connection (or, by session, a
 * session) whose first operation is such a reclaim joins the reclaimed open's client: it is the
 * same client coming back after a disconnect, and handle_refs are scoped to their client.
 */
final class ClientRegistry {
    /** A durable open a later CREATE may reclaim. */
    record DurableOpen(String client, String handleRef, String path) {}

    private final ClientsBy clientsBy;
    private final CompileSummary summary;
    private final Map<Long, String> userBySession = new HashMap<>();
    private final Set<Long> sessionsWithoutUser = new HashSet<>();
    private final Map<String, String> joinedClient = new HashMap<>();
    private final Set<String> clientsWithOperations = new HashSet<>();
    private final Map<String, int[]> counters = new HashMap<>();
    private final Map<String, DurableOpen> durableByFileId = new HashMap<>();

    ClientRegistry(ClientsBy clientsBy, CompileSummary summary) {
        this.clientsBy = clientsBy;
        this.summary = summary;
    }

    ClientsBy clientsBy() {
        return clientsBy;
    }

    /** The client of an operation sent on {@code connection} in session {@code sessionId}. */
    String clientOf(String connection, long sessionId) {
        String natural = naturalClient(connection, sessionId);
        return joinedClient.getOrDefault(natural, natural);
    }

    /** The client by the rule alone, before reconnects join clients. */
    private String naturalClient(String connection, long sessionId) {
        return switch (clientsBy) {
            case CONNECTION -> connection;
            case SESSION -> sessionName(sessionId);
            case USER -> {
                String user = userBySession.get(sessionId);
                if (user == null && sessionsWithoutUser.add(sessionId)) {
                    summary.sessionsWithoutUser++;
                }
                yield user != null ? user : sessionName(sessionId);
            }
        };
    }

    /** The user name an AUTHENTICATE_MESSAGE gave for a session. */
    void sessionUser(long sessionId, String user) {
        userBySession.putIfAbsent(sessionId, user);
    }

    /** The next op_id of {@code client}, the client of {@code connection} and {@code sessionId}. */
    String nextOpId(String client, String connection, long sessionId) {
        clientsWithOperations.add(naturalClient(connection, sessionId));
        return client + "_" + ++counters.computeIfAbsent(client, c -> new int[2])[0];
    }

    /** A handle_ref not yet used by {@code client}. */
    String nextHandleRef(String client) {
        return "h" + ++counters.computeIfAbsent(client, c -> new int[2])[1];
    }

    /** Remembers a durable open (its FileId as in {@link SmbConversation}'s keys) for later reclaims. */
    void durableOpened(String fileId, DurableOpen open) {
        durableByFileId.put(fileId, open);
    }

    void durableClosed(String fileId) {
        durableByFileId.remove(fileId);
    }

    /**
     * The durable open a reclaim names, or null when the capture does not hold its CREATE. A
     * connection or session without operations yet joins the open's client; one that already has
     * operations of another client cannot (its operations were written), and the caller writes the
     * reclaim as a new Open.
     */
    DurableOpen reclaim(String fileId, String connection, long sessionId) {
        DurableOpen open = durableByFileId.get(fileId);
        if (open == null) {
            return null;
        }
        String natural = naturalClient(connection, sessionId);
        if (!open.client().equals(clientOf(connection, sessionId)) && !clientsWithOperations.contains(natural)) {
            joinedClient.put(natural, open.client());
            summary.joinedClients++;
        }
        return open;
    }

    private static String sessionName(long sessionId) {
        return String.format("session-%016x", sessionId);
    }
}
