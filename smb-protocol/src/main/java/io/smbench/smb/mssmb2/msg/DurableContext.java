package io.smbench.smb.mssmb2.msg;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.UUID;

/**
 * Durable handle request contexts: "DHnQ" (MS-SMB2 2.2.13.2.3, 16 reserved bytes) and "DH2Q"
 * (2.2.13.2.11: Timeout (4), Flags (4, PERSISTENT 0x2), Reserved (8), CreateGuid (16)).
 */
public final class DurableContext {
    public static final String V1 = "DHnQ";
    public static final String V2 = "DH2Q";
    public static final int FLAG_PERSISTENT = 0x2;

    private DurableContext() {}

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
