package io.smbench.smb.mssmb2.msg;

import io.netty.buffer.ByteBuf;

/**
 * The response shape shared by QUERY_DIRECTORY (MS-SMB2 2.2.34) and QUERY_INFO (2.2.38):
 * StructureSize 9 (2), OutputBufferOffset (2), OutputBufferLength (4), then the buffer.
 */
public record OutputBufferResponse(byte[] output) {
    public static OutputBufferResponse decode(ByteBuf message, String command) {
        int body = Bodies.start(message, command, 9, 8) + Bodies.HEADER;
        int offset = message.getUnsignedShortLE(body + 2);
        long length = message.getUnsignedIntLE(body + 4);
        return new OutputBufferResponse(Bodies.buffer(message, offset, length, command, "OutputBuffer", 66));
    }

    /**
     * Entries in a directory listing: MS-FSCC 2.4 directory information structures chained by their
     * NextEntryOffset (first field).
     */
    public int directoryEntryCount() {
        if (output.length == 0) {
            return 0;
        }
        int count = 1;
        int at = 0;
        while (at + 4 <= output.length) {
            long next = (output[at] & 0xFFL) | (output[at + 1] & 0xFFL) << 8 | (output[at + 2] & 0xFFL) << 16
                    | (output[at + 3] & 0xFFL) << 24;
            if (next == 0 || at + next >= output.length) {
                break;
            }
            at += (int) next;
            count++;
        }
        return count;
    }
}
