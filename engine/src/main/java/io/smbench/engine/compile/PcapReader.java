package io.smbench.engine.compile;

import java.io.IOException;
import java.io.InputStream;

/**
 * Classic pcap: a 24-byte global header (magic, version, thiszone, sigfigs, snaplen, network), then
 * records of a 16-byte header (ts_sec, ts_usec or ts_nsec, incl_len, orig_len) and the data.
 */
final class PcapReader extends CaptureReader {
    private static final int MAX_RECORD = 256 * 1024 * 1024;

    private final boolean littleEndian;
    private final boolean nanos;
    private final int linkType;

    PcapReader(InputStream in, int magicBigEndian) throws IOException {
        super(in);
        this.offset = 4;
        this.littleEndian = magicBigEndian == 0xD4C3B2A1 || magicBigEndian == 0x4D3CB2A1;
        this.nanos = magicBigEndian == 0xA1B23C4D || magicBigEndian == 0x4D3CB2A1;
        byte[] header = readFully(20, "pcap global header");
        this.linkType = int32(header, 16, littleEndian) & 0x0FFFFFFF;
    }

    @Override
    public CapturedPacket next() throws IOException {
        if (atEnd()) {
            return null;
        }
        long recordOffset = offset;
        byte[] header = readFully(16, "pcap record header");
        long seconds = int32(header, 0, littleEndian) & 0xFFFFFFFFL;
        long fraction = int32(header, 4, littleEndian) & 0xFFFFFFFFL;
        int captured = int32(header, 8, littleEndian);
        int original = int32(header, 12, littleEndian);
        if (captured < 0 || captured > MAX_RECORD) {
            throw new CaptureFormatException(packets + 1, recordOffset + 8, "incl_len " + Integer.toUnsignedString(captured)
                    + " is not a plausible packet length");
        }
        byte[] data = readFully(captured, "packet data");
        packets++;
        long nanosOfSecond = nanos ? fraction : fraction * 1000;
        return new CapturedPacket(packets, seconds * 1_000_000_000L + nanosOfSecond, linkType, data,
                Math.max(original, captured));
    }
}
