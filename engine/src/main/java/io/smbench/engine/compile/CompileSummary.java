package io.smbench.engine.compile;

import java.util.Map;
import java.util.TreeMap;

/** What the compiler read, wrote and could not express, for the user and for tests. */
public final class CompileSummary {
    long packets;
    long tcpSegments;
    long connections;
    long smb2Messages;
    long encryptedMessages;
    long decryptedMessages;
    long unmatchedRequests;
    long unmatchedResponses;
    long operations;
    long gaps;
    long gapBytes;
    long resyncs;
    long beforeWindow;
    long afterWindow;
    long openedBeforeWindow;
    long blobs;
    long otherClients;
    long sessionsWithoutUser;
    long joinedClients;
    long timestampsRaised;
    long largestRaiseMicros;
    CaptureFormatException truncation;
    long blobBytes;
    final Map<String, Long> sessionLevel = new TreeMap<>();
    final Map<String, Long> notExpressed = new TreeMap<>();
    final Map<String, Long> unparseable = new TreeMap<>();

    void count(Map<String, Long> map, String key) {
        map.merge(key, 1L, Long::sum);
    }

    public long packets() {
        return packets;
    }

    /** Where the capture file was cut inside a record, or null when it ends cleanly. */
    public CaptureFormatException truncation() {
        return truncation;
    }

    public long operations() {
        return operations;
    }

    public long decryptedMessages() {
        return decryptedMessages;
    }

    public long encryptedMessages() {
        return encryptedMessages;
    }

    public long connections() {
        return connections;
    }

    /** Sessions whose user could not be read, named by SessionId under --clients-by user. */
    public long sessionsWithoutUser() {
        return sessionsWithoutUser;
    }

    /** Connections or sessions that joined a client by reclaiming its durable handles. */
    public long joinedClients() {
        return joinedClients;
    }

    /** Writes whose data was saved as a blob (compile --extract-data). */
    public long blobs() {
        return blobs;
    }

    /** Handles opened before the time window and re-opened at its start. */
    public long openedBeforeWindow() {
        return openedBeforeWindow;
    }

    public Map<String, Long> notExpressed() {
        return notExpressed;
    }

    public Map<String, Long> sessionLevel() {
        return sessionLevel;
    }

    public String format() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("read %d packets, %d TCP segments, %d SMB connections, %d SMB2 messages%n", packets,
                tcpSegments, connections, smb2Messages));
        if (truncation != null) {
            out.append(String.format("capture truncated at %s; compiled the %d complete packets before it%n",
                    truncation.getMessage(), packets));
        }
        out.append(String.format("wrote %d operations%n", operations));
        if (otherClients > 0) {
            out.append(String.format("%d operations of clients not named by --clients left out%n", otherClients));
        }
        if (sessionsWithoutUser > 0) {
            out.append(String.format("%d sessions without a readable NTLM user name (Kerberos, encrypted or no "
                    + "SESSION_SETUP in the capture) are clients of their own, named session-<SessionId>%n",
                    sessionsWithoutUser));
        }
        if (joinedClients > 0) {
            out.append(String.format("%d connections or sessions reclaiming durable handles joined the client "
                    + "that opened them%n", joinedClients));
        }
        if (timestampsRaised > 0) {
            out.append(String.format("%d operations of clients merged from several connections moved later to keep "
                    + "each client's time order (by at most %d us)%n", timestampsRaised, largestRaiseMicros));
        }
        if (blobs > 0) {
            out.append(String.format("saved the data of %d writes (%d bytes) as blobs beside the workload%n", blobs,
                    blobBytes));
        }
        if (beforeWindow + afterWindow > 0) {
            out.append(String.format("time range: %d operations before it and %d after it left out; %d handles opened "
                    + "before the window and still open at its start are opened at timestamp 0 (x_opened_before_window)%n",
                    beforeWindow, afterWindow, openedBeforeWindow));
        }
        if (decryptedMessages > 0) {
            out.append(String.format("decrypted %d encrypted messages with the given session keys%n", decryptedMessages));
        }
        out.append(String.format("handled by the replaying client, not written as operations: %s%n", sessionLevel));
        if (!notExpressed.isEmpty()) {
            out.append(String.format("not expressible in IR v1, not written: %s%n", notExpressed));
        }
        if (encryptedMessages > 0) {
            out.append(String.format("%d encrypted messages could not be read: give their sessions' keys with --keys "
                    + "SESSIONID,SESSIONKEY (the capture must hold the session's NEGOTIATE and SESSION_SETUP)%n",
                    encryptedMessages));
        }
        if (!unparseable.isEmpty()) {
            out.append(String.format("malformed messages skipped: %s%n", unparseable));
        }
        if (unmatchedRequests + unmatchedResponses > 0) {
            out.append(String.format("%d requests without a response, %d responses without a request%n",
                    unmatchedRequests, unmatchedResponses));
        }
        if (gaps > 0) {
            out.append(String.format("%d gaps in TCP streams (%d bytes lost), %d resynchronisations%n", gaps, gapBytes,
                    resyncs));
        }
        return out.toString();
    }
}
