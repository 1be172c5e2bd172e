package io.smbench.smb.mssmb2.msg;

import io.netty.buffer.ByteBuf;
import io.smbench.smb.mssmb2.Smb2DecodeException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * SMB2_CREATE_CONTEXT (MS-SMB2 2.2.13.2): Next (4), NameOffset (2), NameLength (2), Reserved (2),
 * DataOffset (2), DataLength (4), then the name (e.g. "MxAc", "RqLs", "DH2Q") and, 8-byte aligned,
 * the data. Contexts are chained by Next, each 8-byte aligned.
 */
public record CreateContext(String name, byte[] data) {
    /** Writes the chain of contexts; returns its length. {@code out} is at an 8-byte aligned offset. */
    static int writeAll(ByteBuf out, List<CreateContext> contexts) {
        int chainStart = out.writerIndex();
        for (int i = 0; i < contexts.size(); i++) {
            CreateContext context = contexts.get(i);
            int start = out.writerIndex();
            byte[] name = context.name.getBytes(StandardCharsets.US_ASCII);
            int dataOffset = context.data.length == 0 ? 0 : align8(16 + name.length);
            out.writeIntLE(0);
            out.writeShortLE(16);
            out.writeShortLE(name.length);
            out.writeShortLE(0);
            out.writeShortLE(dataOffset);
            out.writeIntLE(context.data.length);
            out.writeBytes(name);
            if (context.data.length > 0) {
                out.writeZero(dataOffset - 16 - name.length);
                out.writeBytes(context.data);
            }
            if (i < contexts.size() - 1) {
                out.writeZero(align8(out.writerIndex() - start) - (out.writerIndex() - start));
                out.setIntLE(start, out.writerIndex() - start);
            }
        }
        return out.writerIndex() - chainStart;
    }

    /** Reads the chain at [offset, offset+length) from the message's header start. */
    static List<CreateContext> readAll(ByteBuf message, long offset, long length, String command) {
        List<CreateContext> contexts = new ArrayList<>();
        if (length == 0) {
            return contexts;
        }
        byte[] chain = Bodies.buffer(message, offset, length, command, "CreateContexts", 64 + 80);
        int at = 0;
        while (true) {
            if (at + 16 > chain.length) {
                throw new Smb2DecodeException(String.format("%s: create context at byte 0x%X is cut short (chain of %d "
                        + "bytes)", command, offset + at, chain.length));
            }
            long next = u32(chain, at);
            int nameOffset = u16(chain, at + 4);
            int nameLength = u16(chain, at + 6);
            int dataOffset = u16(chain, at + 10);
            long dataLength = u32(chain, at + 12);
            long end = next == 0 ? chain.length : at + next;
            if (end > chain.length || at + nameOffset + nameLength > end || (dataLength > 0
                    && at + dataOffset + dataLength > end)) {
                throw new Smb2DecodeException(String.format("%s: create context at byte 0x%X: Next=%d, NameOffset=%d, "
                        + "NameLength=%d, DataOffset=%d, DataLength=%d point outside the context chain (%d bytes)",
                        command, offset + at, next, nameOffset, nameLength, dataOffset, dataLength, chain.length));
            }
            String name = new String(chain, at + nameOffset, nameLength, StandardCharsets.US_ASCII);
            byte[] data = new byte[(int) dataLength];
            if (dataLength > 0) { // an empty context's DataOffset may be anything (found by Jazzer)
                System.arraycopy(chain, at + dataOffset, data, 0, (int) dataLength);
            }
            contexts.add(new CreateContext(name, data));
            if (next == 0) {
                return contexts;
            }
            if (next < 16 || next % 8 != 0) {
                throw new Smb2DecodeException(String.format("%s: create context at byte 0x%X has Next=%d, not an 8-byte "
                        + "aligned offset past its header", command, offset + at, next));
            }
            at += (int) next;
        }
    }

    static int align8(int value) {
        return (value + 7) & ~7;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int at) {
        return (u16(b, at) | (long) u16(b, at + 2) << 16) & 0xFFFFFFFFL;
    }
}
