package io.smbench.engine.compile;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams the packets of a pcap or pcapng file, whichever the magic number says; memory does not
 * grow with the file. pcap: microsecond (0xA1B2C3D4) and nanosecond (0xA1B23C4D) magics in either
 * byte order. pcapng: Section Header, Interface Description (per-interface link type and timestamp
 * resolution), Enhanced and Simple Packet Blocks; other blocks are skipped.
 */
public abstract class CaptureReader implements AutoCloseable {
    protected final InputStream in;
    protected long offset;
    protected long packets;

    protected CaptureReader(InputStream in) {
        this.in = in;
    }

    /** Opens {@code file}, detecting pcap or pcapng. */
    public static CaptureReader open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        byte[] magic = in.readNBytes(4);
        if (magic.length < 4) {
            in.close();
            throw new CaptureFormatException(0, 0, "file of " + magic.length + " bytes has no capture header");
        }
        int big = (magic[0] & 0xFF) << 24 | (magic[1] & 0xFF) << 16 | (magic[2] & 0xFF) << 8 | (magic[3] & 0xFF);
        return switch (big) {
            case 0xA1B2C3D4, 0xD4C3B2A1, 0xA1B23C4D, 0x4D3CB2A1 -> new PcapReader(in, big);
            case 0x0A0D0D0A -> new PcapngReader(in);
            default -> {
                in.close();
                throw new CaptureFormatException(0, 0, String.format("magic number 0x%08X is neither pcap "
                        + "(0xA1B2C3D4, 0xA1B23C4D) nor pcapng (0x0A0D0D0A)", big));
            }
        };
    }

    /** The next packet, or null at the end of the file. */
    public abstract CapturedPacket next() throws IOException;

    /** Packets read so far. */
    public long packetsRead() {
        return packets;
    }

    /** Bytes read so far. */
    public long bytesRead() {
        return offset;
    }

    /** Reads exactly {@code length} bytes, or fails naming what was cut. */
    protected byte[] readFully(int length, String what) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new CaptureFormatException(packets + 1, offset + bytes.length, what + " is truncated: "
                    + bytes.length + " of " + length + " bytes before the end of the file", true);
        }
        offset += length;
        return bytes;
    }

    /** Skips exactly {@code length} bytes. */
    protected void skipFully(long length, String what) throws IOException {
        long skipped = 0;
        while (skipped < length) {
            long n = in.skip(length - skipped);
            if (n <= 0) {
                if (in.read() < 0) {
                    throw new CaptureFormatException(packets + 1, offset + skipped, what + " is truncated", true);
                }
                n = 1;
            }
            skipped += n;
        }
        offset += length;
    }

    /** True at a clean end of file (no byte of a next record). */
    protected boolean atEnd() throws IOException {
        in.mark(1);
        int b = in.read();
        if (b < 0) {
            return true;
        }
        in.reset();
        return false;
    }

    static int int32(byte[] b, int at, boolean littleEndian) {
        return littleEndian
                ? (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24
                : (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    static int int16(byte[] b, int at, boolean littleEndian) {
        return littleEndian ? (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 : (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    static EOFException eof() {
        return new EOFException();
    }
}
