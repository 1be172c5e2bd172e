package io.smbench.fuzz.live;

/**
 * One field of an encoded request chain that the mutator may change: its name as MS-SMB2 spells
 * it, where it lies (offset from the chain's first byte) and how wide it is (little-endian).
 *
 * @param name e.g. {@code "1.CREATE.NameOffset"}: message index in the chain, command, field
 * @param offset from the first byte of the chain
 * @param width 1, 2, 4 or 8 bytes
 * @param kind what the value means, which decides the values tried
 */
public record Field(String name, int offset, int width, Kind kind) {
    /** What a field holds. */
    public enum Kind {
        /** A StructureSize, length or count. */
        LENGTH,
        /** An offset from the header start (or, in a create context, from the context start). */
        OFFSET,
        /** Flags, an info class, a code or any other plain number. */
        VALUE,
        /**
         * A value the server or connection assigned for this run (SessionId, TreeId, FileId): set
         * only to fixed values, never bit-flipped, and masked in a case's canonical bytes.
         */
        IDENTITY,
        /**
         * MessageId and Signature: the connection needs the first to match the answer and writes
         * the second after mutation, so neither is mutated; both are masked in canonical bytes.
         */
        FRAMING
    }

    public Field {
        if (width != 1 && width != 2 && width != 4 && width != 8) {
            throw new IllegalArgumentException("width " + width + " of " + name);
        }
    }

    /** The largest value the field holds. */
    public long max() {
        return width == 8 ? -1L : (1L << (8 * width)) - 1;
    }

    public int end() {
        return offset + width;
    }
}
