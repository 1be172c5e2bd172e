package io.smbench.smb.spnego;

import java.io.ByteArrayOutputStream;

/** The DER subset of SPNEGO tokens: tag, definite length (short or long form), contents. */
final class Der {
    private Der() {}

    /** Encodes one TLV. */
    static byte[] tlv(int tag, byte[]... contents) {
        int length = 0;
        for (byte[] part : contents) {
            length += part.length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 6);
        out.write(tag);
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else if (length < 0x10000) {
            out.write(0x82);
            out.write(length >>> 8);
            out.write(length & 0xFF);
        } else {
            out.write(0x83);
            out.write(length >>> 16);
            out.write((length >>> 8) & 0xFF);
            out.write(length & 0xFF);
        }
        for (byte[] part : contents) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** A decoded TLV: its tag and where its contents lie in the token. */
    record Element(int tag, int contentStart, int contentEnd) {}

    /** Reads the TLV at {@code at}, checking it ends by {@code limit}. */
    static Element read(byte[] token, int at, int limit, String field) {
        if (at + 2 > limit) {
            throw new SpnegoFormatException(field + ": truncated at byte " + at);
        }
        int tag = token[at] & 0xFF;
        int first = token[at + 1] & 0xFF;
        int contentStart = at + 2;
        long length;
        if (first < 0x80) {
            length = first;
        } else {
            int octets = first & 0x7F;
            if (octets == 0 || octets > 3 || contentStart + octets > limit) {
                throw new SpnegoFormatException(field + ": bad length encoding at byte " + (at + 1));
            }
            length = 0;
            for (int i = 0; i < octets; i++) {
                length = length << 8 | (token[contentStart + i] & 0xFF);
            }
            contentStart += octets;
        }
        if (contentStart + length > limit) {
            throw new SpnegoFormatException(field + ": length " + length + " at byte " + (at + 1)
                    + " runs past the end of its container (byte " + limit + ")");
        }
        return new Element(tag, contentStart, (int) (contentStart + length));
    }

    static Element expect(byte[] token, int at, int limit, int tag, String field) {
        Element element = read(token, at, limit, field);
        if (element.tag() != tag) {
            throw new SpnegoFormatException(String.format("%s: tag 0x%02X at byte %d, expected 0x%02X", field,
                    element.tag(), at, tag));
        }
        return element;
    }
}
