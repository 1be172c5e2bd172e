package io.smbench.smb.client;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.UUID;

/** GUIDs in their wire form (MS-DTYP 2.3.4.2: Data1, Data2, Data3 little-endian, Data4 as bytes). */
public final class Guids {
    private Guids() {}

    public static byte[] toBytes(UUID uuid) {
        ByteBuffer out = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        long msb = uuid.getMostSignificantBits();
        out.putInt((int) (msb >>> 32));
        out.putShort((short) (msb >>> 16));
        out.putShort((short) msb);
        out.order(ByteOrder.BIG_ENDIAN).putLong(uuid.getLeastSignificantBits());
        return out.array();
    }
}
