package io.smbench.engine.compile;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * pcapng: blocks of Type (4), Total Length (4), body, Total Length (4). Section Header Blocks
 * (0x0A0D0D0A) set the byte order; Interface Description Blocks (1) give each interface's link type
 * and if_tsresol; Enhanced (6) and Simple (3) Packet Blocks carry packets. Other blocks are skipped.
 */
final class PcapngReader extends CaptureReader {
    private static final int SHB = 0x0A0D0D0A;
    private static final int IDB = 1;
    private static final int SPB = 3;
    private static final int EPB = 6;
    private static final int MAX_BLOCK = 256 * 1024 * 1024;

    private record Interface(int linkType, long unitsPerSecond) {}

    private boolean littleEndian = true;
    private final List<Interface> interfaces = new ArrayList<>();
    private boolean firstBlock = true;

    PcapngReader(InputStream in) {
        super(in);
    }

    @Override
    public CapturedPacket next() throws IOException {
        while (true) {
            if (!firstBlock && atEnd()) {
                return null;
            }
            long blockOffset = firstBlock ? 0 : offset;
            int type;
            byte[] lengthBytes;
            if (firstBlock) {
                firstBlock = false;
                offset = 4;
                type = SHB;
                lengthBytes = readFully(4, "section header block length");
            } else {
                byte[] typeBytes = readFully(4, "block type");
                lengthBytes = readFully(4, "block length");
                type = int32(typeBytes, 0, littleEndian);
            }
            if (type == SHB) {
                byte[] magic = readFully(4, "byte-order magic");
                littleEndian = (magic[0] & 0xFF) == 0x4D;
                if (!littleEndian && (magic[0] & 0xFF) != 0x1A) {
                    throw new CaptureFormatException(packets + 1, offset - 4, "byte-order magic is neither "
                            + "1A2B3C4D nor 4D3C2B1A");
                }
                interfaces.clear();
                int length = int32(lengthBytes, 0, littleEndian);
                checkLength(length, 28, blockOffset);
                skipFully(length - 12, "section header block");
                continue;
            }
            int length = int32(lengthBytes, 0, littleEndian);
            checkLength(length, 12, blockOffset);
            byte[] body = readFully(length - 12, "block body");
            readFully(4, "block trailing length");
            switch (type) {
                case IDB -> interfaces.add(parseInterface(body, blockOffset));
                case EPB -> {
                    return enhanced(body, blockOffset);
                }
                case SPB -> {
                    return simple(body, blockOffset);
                }
                default -> { }
            }
        }
    }

    private void checkLength(int length, int minimum, long blockOffset) {
        if (length < minimum || length > MAX_BLOCK || length % 4 != 0) {
            throw new CaptureFormatException(packets + 1, blockOffset + 4, "block total length "
                    + Integer.toUnsignedString(length) + " is not a multiple of 4 between " + minimum + " and " + MAX_BLOCK);
        }
    }

    private Interface parseInterface(byte[] body, long blockOffset) {
        if (body.length < 8) {
            throw new CaptureFormatException(packets + 1, blockOffset, "interface description block of "
                    + body.length + " bytes is shorter than 8");
        }
        int linkType = int16(body, 0, littleEndian);
        long units = 1_000_000;
        int at = 8;
        while (at + 4 <= body.length) {
            int code = int16(body, at, littleEndian);
            int optionLength = int16(body, at + 2, littleEndian);
            if (code == 0) {
                break;
            }
            if (code == 9 && optionLength >= 1 && at + 4 < body.length) {
                int tsresol = body[at + 4] & 0xFF;
                units = (tsresol & 0x80) != 0 ? 1L << (tsresol & 0x7F) : pow10(tsresol & 0x7F);
            }
            at += 4 + ((optionLength + 3) & ~3);
        }
        return new Interface(linkType, units);
    }

    private static long pow10(int exponent) {
        long value = 1;
        for (int i = 0; i < exponent && value < Long.MAX_VALUE / 10; i++) {
            value *= 10;
        }
        return value;
    }

    private CapturedPacket enhanced(byte[] body, long blockOffset) {
        if (body.length < 20) {
            throw new CaptureFormatException(packets + 1, blockOffset, "enhanced packet block body of " + body.length
                    + " bytes is shorter than 20");
        }
        int interfaceId = int32(body, 0, littleEndian);
        if (interfaceId < 0 || interfaceId >= interfaces.size()) {
            throw new CaptureFormatException(packets + 1, blockOffset + 8, "interface id " + interfaceId
                    + " was not described (" + interfaces.size() + " interfaces so far)");
        }
        long units = ((long) int32(body, 4, littleEndian) << 32) | (int32(body, 8, littleEndian) & 0xFFFFFFFFL);
        int captured = int32(body, 12, littleEndian);
        int original = int32(body, 16, littleEndian);
        if (captured < 0 || 20 + captured > body.length) {
            throw new CaptureFormatException(packets + 1, blockOffset + 20, "captured length "
                    + Integer.toUnsignedString(captured) + " exceeds the block (" + (body.length - 20) + " bytes)");
        }
        byte[] data = java.util.Arrays.copyOfRange(body, 20, 20 + captured);
        Interface iface = interfaces.get(interfaceId);
        packets++;
        long nanos = iface.unitsPerSecond() == 1_000_000_000L ? units
                : units / iface.unitsPerSecond() * 1_000_000_000L + (units % iface.unitsPerSecond()) * 1_000_000_000L
                        / iface.unitsPerSecond();
        return new CapturedPacket(packets, nanos, iface.linkType(), data, Math.max(original, captured));
    }

    private CapturedPacket simple(byte[] body, long blockOffset) {
        if (interfaces.isEmpty() || body.length < 4) {
            throw new CaptureFormatException(packets + 1, blockOffset, "simple packet block without an interface "
                    + "description or shorter than 4 bytes");
        }
        int original = int32(body, 0, littleEndian);
        byte[] data = java.util.Arrays.copyOfRange(body, 4, body.length);
        packets++;
        return new CapturedPacket(packets, 0, interfaces.get(0).linkType(), data, Math.max(original, data.length));
    }
}
