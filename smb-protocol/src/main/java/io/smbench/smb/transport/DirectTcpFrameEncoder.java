package io.smbench.smb.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;

/** Prefixes each outgoing SMB2 message (or compound chain) with its Direct TCP header (MS-SMB2 2.1). */
@ChannelHandler.Sharable
public final class DirectTcpFrameEncoder extends MessageToMessageEncoder<ByteBuf> {
    /** The largest length the 24-bit field can carry. */
    public static final int MAX_LENGTH = 0xFFFFFF;

    @Override
    protected void encode(ChannelHandlerContext ctx, ByteBuf message, List<Object> out) {
        int length = message.readableBytes();
        if (length > MAX_LENGTH) {
            throw new IllegalArgumentException("an SMB2 message of " + length + " bytes does not fit Direct TCP's "
                    + "24-bit length");
        }
        ByteBuf header = ctx.alloc().buffer(4);
        header.writeInt(length);
        out.add(header);
        out.add(message.retain());
    }
}
