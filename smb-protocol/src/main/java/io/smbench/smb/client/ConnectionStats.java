package io.smbench.smb.client;

/**
 * Counters of what went wrong on a connection without failing it, for reports: a tool whose users
 * judge servers must not hide a bad signature or a stray reply.
 *
 * <p>Written on the event loop only; read from anywhere (values may be a moment old).
 */
public final class ConnectionStats {
    private volatile long badSignatures;
    private volatile long unsignedWhenRequired;
    private volatile long decryptFailures;
    private volatile long strayResponses;
    private volatile long interimResponses;
    private volatile long timeouts;
    private volatile long cancelsSent;
    private volatile long responsesReceived;

    void countBadSignature() {
        badSignatures++;
    }

    void countUnsignedWhenRequired() {
        unsignedWhenRequired++;
    }

    void countDecryptFailure() {
        decryptFailures++;
    }

    void countStrayResponse() {
        strayResponses++;
    }

    void countInterimResponse() {
        interimResponses++;
    }

    void countTimeout() {
        timeouts++;
    }

    void countResponseReceived() {
        responsesReceived++;
    }

    /** Final responses matched to a request of this connection (interim STATUS_PENDING ones not counted). */
    public long responsesReceived() {
        return responsesReceived;
    }

    void countCancelSent() {
        cancelsSent++;
    }

    /** Responses rejected because their signature was wrong (MS-SMB2 3.2.5.1.3). */
    public long badSignatures() {
        return badSignatures;
    }

    /** Responses rejected because they were not signed although the session requires it. */
    public long unsignedWhenRequired() {
        return unsignedWhenRequired;
    }

    /** Encrypted messages discarded because they did not decrypt (MS-SMB2 3.2.5.1.1.1). */
    public long decryptFailures() {
        return decryptFailures;
    }

    /** Responses whose MessageId matched no outstanding request. */
    public long strayResponses() {
        return strayResponses;
    }

    /** STATUS_PENDING interim responses (MS-SMB2 3.2.5.1.5). */
    public long interimResponses() {
        return interimResponses;
    }

    /** Requests that timed out. */
    public long timeouts() {
        return timeouts;
    }

    /** CANCEL requests sent (MS-SMB2 2.2.30). */
    public long cancelsSent() {
        return cancelsSent;
    }
}
