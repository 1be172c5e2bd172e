package io.smbench.fuzz.live;

/** What the server did with one mutated request chain. */
public enum Outcome {
    /** Every request of the chain got a final response, and the connection still answers ECHO. */
    ANSWERED,
    /** The server closed the connection (before answering, or right after: the ECHO failed). */
    DISCONNECT,
    /** A request got no final response within the hang timeout, the connection still open. */
    HANG,
    /** After a disconnect or hang, new connections are refused or not negotiated: the server is down. */
    CRASH,
    /** The server answered with something the client refused: a bad or missing signature, a malformed frame. */
    BAD_RESPONSE,
    /** A valid step before the mutated one failed, so the case never reached its mutation. */
    SETUP_FAILED;

    /** The name used in reports: lower case with dashes. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
