package io.smbench.smb.client;

import java.util.ArrayList;
import java.util.List;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * {@code Connection.OutstandingRequests} (MS-SMB2 3.2.1.2): requests awaiting a response, keyed by
 * MessageId.
 *
 * <p>A request that timed out is reported to its caller at once but stays here, orphaned, until the
 * server answers it: its MessageId was consumed and its credits only come back with that answer
 * (the pattern of the Cassandra driver's InFlightHandler). Interim responses mark a request async
 * (3.2.5.1.5) and leave it outstanding. Closing the connection fails every request still here.
 *
 * <p>Not thread-safe: owned by the connection's event loop.
 *
 * @param <R> the response type
 */
public final class OutstandingRequests<R> {
    private final Long2ObjectHashMap<PendingRequest<R>> byMessageId = new Long2ObjectHashMap<>();

    /** Adds a sent request; a MessageId is never in use twice on a connection (3.3.1.1). */
    public void add(PendingRequest<R> request) {
        PendingRequest<R> previous = byMessageId.put(request.messageId(), request);
        if (previous != null) {
            byMessageId.put(previous.messageId(), previous);
            throw new IllegalStateException("MessageId " + request.messageId() + " is already outstanding");
        }
    }

    /** The request with this MessageId, or null when none is outstanding. */
    public PendingRequest<R> get(long messageId) {
        return byMessageId.get(messageId);
    }

    /**
     * Records an interim response: the request is now handled asynchronously with {@code asyncId}
     * (MS-SMB2 3.2.5.1.5). Its timeout is the caller's to extend.
     *
     * @return the request, or null when no request has this MessageId
     */
    public PendingRequest<R> markAsync(long messageId, long asyncId) {
        PendingRequest<R> request = byMessageId.get(messageId);
        if (request != null) {
            request.markAsync(asyncId);
        }
        return request;
    }

    /**
     * Removes the request answered by a final response and cancels its timer.
     *
     * @return the request, or null when none has this MessageId (a stray or duplicate answer)
     */
    public PendingRequest<R> remove(long messageId) {
        PendingRequest<R> request = byMessageId.remove(messageId);
        if (request != null) {
            request.cancelTimeout();
        }
        return request;
    }

    /**
     * Tells the caller its request timed out; the entry stays so the late answer still frees the
     * MessageId and returns its credits.
     *
     * @return true when the request was outstanding and not already timed out
     */
    public boolean expire(long messageId, Throwable cause) {
        PendingRequest<R> request = byMessageId.get(messageId);
        if (request == null || request.isTimedOut()) {
            return false;
        }
        request.markTimedOut();
        request.listener().onFailure(cause);
        return true;
    }

    /** Fails every outstanding request that was not already timed out, and forgets them all. */
    public void failAll(Throwable cause) {
        List<PendingRequest<R>> all = new ArrayList<>(byMessageId.values());
        byMessageId.clear();
        for (PendingRequest<R> request : all) {
            request.cancelTimeout();
            if (!request.isTimedOut()) {
                request.listener().onFailure(cause);
            }
        }
    }

    public int size() {
        return byMessageId.size();
    }

    public boolean isEmpty() {
        return byMessageId.isEmpty();
    }
}
