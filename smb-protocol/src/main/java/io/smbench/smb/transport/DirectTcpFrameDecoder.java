package io.smbench.smb.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import java.util.List;

/**
 * Splits the byte stream into SMB2 messages (MS-SMB2 2.1 Direct TCP transport): each message is
 * preceded by a 4-byte header whose first byte MUST be zero and whose next three bytes are the
 * message length, big-endian. A non-zero first byte or a length above the limit is a protocol
 * error naming the stream offset; after it the decoder reads nothing more, since the stream can no
 * longer be framed.
 */
public final class DirectTcpFrameDecoder extends ByteToMessageDecoder {
    private final int maxFrameLength;
    private long streamOffset;
    private boolean failed;

    public DirectTcpFrameDecoder(int maxFrameLength) {
        this.maxFrameLength = maxFrameLength;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        while (in.readableBytes() >= 4) {
            int start = in.readerIndex();
            int zero = in.getUnsignedByte(start);
            int length = in.getUnsignedMedium(start + 1);
            if (zero != 0) {
                throw fail(in, String.format("Direct TCP header at stream byte %d starts with 0x%02X, expected 0x00 "
                        + "(MS-SMB2 2.1)", streamOffset, zero));
            }
            if (length > maxFrameLength) {
                throw fail(in, String.format("Direct TCP header at stream byte %d announces %d bytes, more than the "
                        + "%d this client accepts", streamOffset, length, maxFrameLength));
            }
            if (in.readableBytes() < 4 + length) {
                return;
            }
            in.skipBytes(4);
            out.add(in.readRetainedSlice(length));
            streamOffset += 4L + length;
        }
    }

    private CorruptedFrameException fail(ByteBuf in, String message) {
        failed = true;
        in.skipBytes(in.readableBytes());
        return new CorruptedFrameException(message);
    }
}
