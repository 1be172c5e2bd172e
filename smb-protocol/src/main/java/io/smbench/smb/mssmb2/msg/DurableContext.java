package io.smbench.smb.mssmb2.msg;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.UUID;

/**
 * Durable handle request contexts: "DHnQ" (MS-SMB2 2.2.13.2.3, 16 reserved bytes) and "DH2Q"
 * (2.2.13.2.11: Timeout (4), Flags (4, PERSISTENT 0x2), Reserved (8), CreateGuid (16)); and the
 * reconnect contexts "DHnC" (2.2.13.2.4: FileId (16)) and "DH2C" (2.2.13.2.12: FileId (16),
 * CreateGuid (16), Flags (4)).
 */
public final class DurableContext {
    public static final String V1 = "DHnQ";
    public static final String V2 = "DH2Q";
    public static final int FLAG_PERSISTENT = 0x2;

    private DurableContext() {}

    public static final String RECONNECT_V1 = "DHnC";
    public static final String RECONNECT_V2 = "DH2C";

    /** Reclaims a durable v1 open after a disconnect (3.2.4.4 "Re-establishing a Durable Open"). */
    public static CreateContext reconnectV1(FileId fileId) {
        ByteBuffer data = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        data.putLong(fileId.persistent()).putLong(fileId.volatileId());
        return new CreateContext(RECONNECT_V1, data.array());
    }

    /** Reclaims a durable v2 open: same FileId and CreateGuid as the original open. */
    public static CreateContext reconnectV2(FileId fileId, UUID createGuid, boolean persistent) {
        ByteBuffer data = ByteBuffer.allocate(36).order(ByteOrder.LITTLE_ENDIAN);
        data.putLong(fileId.persistent()).putLong(fileId.volatileId());
        data.put(io.smbench.smb.client.Guids.toBytes(createGuid));
        data.putInt(persistent ? FLAG_PERSISTENT : 0);
        return new CreateContext(RECONNECT_V2, data.array());
    }

    public static CreateContext v1() {
        return new CreateContext(V1, new byte[16]);
    }

    public static CreateContext v2(int timeoutMillis, boolean persistent, UUID createGuid) {
        ByteBuffer data = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        data.putInt(timeoutMillis).putInt(persistent ? FLAG_PERSISTENT : 0).putLong(0);
        data.put(io.smbench.smb.client.Guids.toBytes(createGuid));
        return new CreateContext(V2, data.array());
    }
}
