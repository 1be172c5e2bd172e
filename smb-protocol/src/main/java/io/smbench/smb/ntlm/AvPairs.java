package io.smbench.smb.ntlm;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The AV_PAIR list of a CHALLENGE's TargetInfo (MS-NLMP 2.2.2.1): AvId (2), AvLen (2), Value,
 * ended by MsvAvEOL. Kept in order, because the client echoes it inside its NTLMv2 response.
 */
public final class AvPairs {
    public static final int MSV_AV_EOL = 0x0000;
    public static final int MSV_AV_NB_COMPUTER_NAME = 0x0001;
    public static final int MSV_AV_NB_DOMAIN_NAME = 0x0002;
    public static final int MSV_AV_FLAGS = 0x0006;
    public static final int MSV_AV_TIMESTAMP = 0x0007;
    public static final int MSV_AV_TARGET_NAME = 0x0009;
    public static final int MSV_AV_CHANNEL_BINDINGS = 0x000A;

    /** MsvAvFlags bit: the AUTHENTICATE message carries a MIC. */
    public static final int FLAG_MIC_PRESENT = 0x00000002;

    /** One pair. */
    public record Pair(int id, byte[] value) {}

    private final List<Pair> pairs;

    private AvPairs(List<Pair> pairs) {
        this.pairs = pairs;
    }

    /**
     * Decodes a TargetInfo field.
     *
     * @param baseOffset where {@code data} starts in the CHALLENGE message, for error messages
     */
    public static AvPairs decode(byte[] data, int baseOffset) {
        List<Pair> pairs = new ArrayList<>();
        int at = 0;
        while (true) {
            if (at + 4 > data.length) {
                throw new NtlmFormatException("TargetInfo: AV_PAIR header at byte " + (baseOffset + at)
                        + " runs past the end of TargetInfo (" + data.length + " bytes) before MsvAvEOL");
            }
            int id = (data[at] & 0xFF) | (data[at + 1] & 0xFF) << 8;
            int length = (data[at + 2] & 0xFF) | (data[at + 3] & 0xFF) << 8;
            if (at + 4 + length > data.length) {
                throw new NtlmFormatException("TargetInfo: AvLen=" + length + " of AvId " + id + " at byte "
                        + (baseOffset + at + 2) + " runs past the end of TargetInfo");
            }
            if (id == MSV_AV_EOL) {
                return new AvPairs(pairs);
            }
            byte[] value = new byte[length];
            System.arraycopy(data, at + 4, value, 0, length);
            pairs.add(new Pair(id, value));
            at += 4 + length;
        }
    }

    public List<Pair> pairs() {
        return Collections.unmodifiableList(pairs);
    }

    /** The value of the first pair with {@code id}, or null. */
    public byte[] get(int id) {
        for (Pair pair : pairs) {
            if (pair.id() == id) {
                return pair.value().clone();
            }
        }
        return null;
    }

    /** The server's MsvAvTimestamp as a FILETIME, or -1 when absent. */
    public long timestamp() {
        byte[] value = get(MSV_AV_TIMESTAMP);
        if (value == null || value.length != 8) {
            return -1;
        }
        return ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    /** A copy with {@code id} set to {@code value} (replaced in place, or appended). */
    public AvPairs with(int id, byte[] value) {
        List<Pair> copy = new ArrayList<>(pairs);
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i).id() == id) {
                copy.set(i, new Pair(id, value.clone()));
                return new AvPairs(copy);
            }
        }
        copy.add(new Pair(id, value.clone()));
        return new AvPairs(copy);
    }

    /** Encodes the pairs and the terminating MsvAvEOL. */
    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Pair pair : pairs) {
            writeShort(out, pair.id());
            writeShort(out, pair.value().length);
            out.writeBytes(pair.value());
        }
        writeShort(out, MSV_AV_EOL);
        writeShort(out, 0);
        return out.toByteArray();
    }

    private static void writeShort(ByteArrayOutputStream out, int value) {
        out.write(value & 0xFF);
        out.write((value >>> 8) & 0xFF);
    }
}
