package io.smbench.smb.mssmb2.fsctl;

import io.smbench.smb.mssmb2.Smb2DecodeException;

/** Bounds-checked little-endian reads from an FSCTL output buffer. */
final class FsctlBuffers {
    private FsctlBuffers() {
    }

    static void require(byte[] buffer, int offset, int length, String structure, String field) {
        if (offset < 0 || length < 0 || (long) offset + length > buffer.length) {
            throw new Smb2DecodeException(structure + ": field " + field + " at byte offset " + offset + " needs "
                    + length + " bytes but the output buffer holds " + buffer.length);
        }
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    static int i32(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }

    static long u32(byte[] b, int at) {
        return i32(b, at) & 0xFFFFFFFFL;
    }

    static long i64(byte[] b, int at) {
        return u32(b, at) | (long) i32(b, at + 4) << 32;
    }

    static void putI32(byte[] b, int at, int value) {
        b[at] = (byte) value;
        b[at + 1] = (byte) (value >>> 8);
        b[at + 2] = (byte) (value >>> 16);
        b[at + 3] = (byte) (value >>> 24);
    }

    static void putI64(byte[] b, int at, long value) {
        putI32(b, at, (int) value);
        putI32(b, at + 4, (int) (value >>> 32));
    }
}
