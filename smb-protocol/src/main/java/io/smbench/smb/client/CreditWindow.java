package io.smbench.smb.client;

/**
 * The client's view of {@code Connection.SequenceWindow}: which MessageIds it may use next and how
 * many credits it holds (MS-SMB2 3.2.1.2, 3.2.4.1.3 "Associating the Message with a MessageId",
 * 3.2.4.1.5 "Sending Multi-Credit Requests", 3.2.5.1.4 "Granting Message Credits").
 *
 * <p>The window starts as {0} with one credit (3.3.1.1: "the valid command window ... MUST be the
 * set { 0 }"). A request consumes {@code CreditCharge} consecutive MessageIds ("the client MUST
 * consume the calculated number of consecutive MessageIds from Connection.SequenceWindow");
 * every response adds its {@code CreditResponse} to the window.
 *
 * <p>It never blocks: {@link #tryAcquire} answers {@link #NO_CREDIT} and the caller queues the
 * request until a response grants more. Not thread-safe: it lives on the connection's event loop.
 */
public final class CreditWindow {
    /** Returned by {@link #tryAcquire} when the window holds fewer credits than asked for. */
    public static final long NO_CREDIT = -1;

    /** Bytes one credit pays for (MS-SMB2 3.1.5.2). */
    public static final int BYTES_PER_CREDIT = 65_536;

    private long nextMessageId;
    private long credits;
    private long granted;
    private long consumed;

    /** A fresh connection's window: MessageId 0 and one credit. */
    public CreditWindow() {
        this.nextMessageId = 0;
        this.credits = 1;
    }

    /**
     * Takes {@code charge} consecutive MessageIds.
     *
     * @param charge the request's CreditCharge; 0 (SMB 2.0.2, or no multi-credit support) still
     *     uses one MessageId
     * @return the first MessageId of the range, or {@link #NO_CREDIT}
     */
    public long tryAcquire(int charge) {
        int needed = Math.max(1, charge);
        if (credits < needed) {
            return NO_CREDIT;
        }
        long first = nextMessageId;
        nextMessageId += needed;
        credits -= needed;
        consumed += needed;
        return first;
    }

    /** Adds the CreditResponse of a received response (interim or final) to the window. */
    public void grant(int creditResponse) {
        if (creditResponse < 0) {
            throw new IllegalArgumentException("CreditResponse is an unsigned 16-bit value, was " + creditResponse);
        }
        credits += creditResponse;
        granted += creditResponse;
    }

    /**
     * Gives back MessageIds that were acquired but never sent, e.g. when encoding failed. Only the
     * credits return: MessageIds are never reused, as the server would reject them (3.3.1.1).
     */
    public void refund(int charge) {
        credits += Math.max(1, charge);
    }

    /** Credits the client holds now. */
    public long available() {
        return credits;
    }

    /** The MessageId the next request will get. */
    public long nextMessageId() {
        return nextMessageId;
    }

    /** Total credits the server granted on this connection (for reports). */
    public long totalGranted() {
        return granted;
    }

    /** Total MessageIds the client consumed on this connection (for reports). */
    public long totalConsumed() {
        return consumed;
    }

    /**
     * CreditCharge for a request that sends {@code sendBytes} and expects up to
     * {@code expectedResponseBytes} back (MS-SMB2 3.1.5.2): {@code (max - 1) / 65536 + 1}.
     */
    public static int chargeFor(long sendBytes, long expectedResponseBytes) {
        long payload = Math.max(1, Math.max(sendBytes, expectedResponseBytes));
        long charge = (payload - 1) / BYTES_PER_CREDIT + 1;
        if (charge > 0xFFFF) {
            throw new IllegalArgumentException("a request of " + payload + " bytes needs more than 65535 credits");
        }
        return (int) charge;
    }
}
