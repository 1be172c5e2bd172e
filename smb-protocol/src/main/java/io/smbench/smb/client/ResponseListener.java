package io.smbench.smb.client;

/**
 * Receives the outcome of one request, on the connection's event loop. Exactly one of the two
 * methods is called, once.
 *
 * @param <R> the response type
 */
public interface ResponseListener<R> {
    /** The server's final response (any status, including errors). */
    void onResponse(R response);

    /** No response will come: timeout, connection lost, or a protocol error. */
    void onFailure(Throwable cause);
}
