package io.smbench.smb.client;

import io.netty.buffer.ByteBuf;

/**
 * Changes a request chain's encoded bytes after the connection has framed it (MessageIds from the
 * credit window, NextCommand links, MS-SMB2 3.2.4.1.4) and before it signs or encrypts it
 * (3.2.4.1.1, 3.2.4.1.8). It is how the live fuzzer puts a malformed request through the normal
 * send path: the server verifies a good signature and then parses the mutated message, instead of
 * rejecting a bad signature.
 *
 * <p>Signing afterwards still sets SMB2_FLAGS_SIGNED and overwrites Signature on a session that
 * signs; everything else the mutator writes goes out as written. Messages are signed over the
 * boundaries the connection framed, whatever NextCommand now says.
 */
@FunctionalInterface
public interface ChainMutator {
    /**
     * Mutates {@code chain} in place; its length must not change.
     *
     * @param chain the plaintext chain, first header at the reader index
     * @param messageStarts where each message's header starts, relative to the reader index
     */
    void mutate(ByteBuf chain, int[] messageStarts);
}
