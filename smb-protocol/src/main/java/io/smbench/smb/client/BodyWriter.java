package io.smbench.smb.client;

import io.netty.buffer.ByteBuf;

/**
 * Writes the body of a request after its 64-byte header. Offsets inside the body are relative to
 * the header's first byte, which is at {@code headerStart}.
 */
@FunctionalInterface
public interface BodyWriter {
    void write(ByteBuf out, int headerStart);
}
