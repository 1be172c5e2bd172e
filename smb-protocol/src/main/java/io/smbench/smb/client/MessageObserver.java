package io.smbench.smb.client;

import io.netty.buffer.ByteBuf;

/**
 * Sees one message's bytes (header and body, signed if signed, never encrypted) without taking
 * ownership; used for the 3.1.1 preauth integrity hash (MS-SMB2 3.2.5.3.1).
 */
@FunctionalInterface
public interface MessageObserver {
    void observe(ByteBuf message);
}
