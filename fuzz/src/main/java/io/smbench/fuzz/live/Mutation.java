package io.smbench.fuzz.live;

import io.netty.buffer.ByteBuf;

/**
 * One change to an encoded request chain: a field set to a value, or one bit of a byte flipped.
 *
 * @param target the field's name ({@link Field#name()}) or {@code "byte"} for a bit flip
 * @param offset from the chain's first byte
 * @param width bytes written (1 for a bit flip)
 * @param op what is done
 * @param value the value written, or the bit (0 to 7) flipped
 * @param before the value it replaces; 0 for a field the server assigned (not known until sent)
 */
public record Mutation(String target, int offset, int width, Op op, long value, long before) {
    /** How the bytes change. */
    public enum Op {
        SET,
        FLIP_BIT
    }

    /** Applies the change to {@code chain}, whose first byte is at its reader index. */
    public void apply(ByteBuf chain) {
        int at = chain.readerIndex() + offset;
        if (op == Op.FLIP_BIT) {
            chain.setByte(at, chain.getByte(at) ^ (1 << value));
            return;
        }
        write(chain, at, width, value);
    }

    /** Reads the little-endian field of {@code width} bytes at {@code at}. */
    static long read(ByteBuf chain, int at, int width) {
        return switch (width) {
            case 1 -> chain.getUnsignedByte(at);
            case 2 -> chain.getUnsignedShortLE(at);
            case 4 -> chain.getUnsignedIntLE(at);
            default -> chain.getLongLE(at);
        };
    }

    static void write(ByteBuf chain, int at, int width, long value) {
        switch (width) {
            case 1 -> chain.setByte(at, (int) value);
            case 2 -> chain.setShortLE(at, (int) value);
            case 4 -> chain.setIntLE(at, (int) value);
            default -> chain.setLongLE(at, value);
        }
    }

    @Override
    public String toString() {
        return op == Op.FLIP_BIT ? String.format("flip bit %d of byte %d", value, offset)
                : String.format("%s (byte %d) = 0x%X (was 0x%X)", target, offset, value, before);
    }
}
