package io.smbench.smb.client;

import io.netty.util.AttributeKey;

/** Finds the {@link SmbConnection} of a channel. */
final class ConnectionAttribute {
    static final AttributeKey<SmbConnection> KEY = AttributeKey.valueOf("smbench.connection");

    private ConnectionAttribute() {}
}
