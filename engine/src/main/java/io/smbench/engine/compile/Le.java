package io.smbench.engine.compile;

/** Little-endian reads from captured SMB2 messages, bounds-checked by the caller's try/catch. */
final class Le {
    private Le() {}

    static int u8(byte[] b, int at) {
        return b[at] & 0xFF;
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    static long u32(byte[] b, int at) {
        return (u16(b, at) | (long) u16(b, at + 2) << 16) & 0xFFFFFFFFL;
    }

    static long u64(byte[] b, int at) {
        return u32(b, at) | u32(b, at + 4) << 32;
    }

    static String utf16(byte[] b, int at, int length) {
        return new String(b, at, length, java.nio.charset.StandardCharsets.UTF_16LE);
    }
}
