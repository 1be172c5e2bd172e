package io.smbench.smb.client;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * The last stage of a connection's pipeline: hands each Direct TCP frame to its
 * {@link SmbConnection} and turns channel events into an orderly close.
 */
final class Smb2ClientHandler extends ChannelInboundHandlerAdapter {
    private final SmbConnection connection;

    Smb2ClientHandler(SmbConnection connection) {
        this.connection = connection;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf frame)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            connection.onFrame(frame);
        } catch (SmbProtocolViolation e) {
            // Already closed by the connection with this cause: nothing more to do.
        } catch (RuntimeException e) {
            connection.close(new SmbProtocolViolation("cannot process a message from the server: " + e));
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        connection.close(new ConnectionClosedException("the server closed the connection", null));
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        connection.close(cause instanceof SmbClientException ? cause
                : new ConnectionClosedException("connection failed: " + cause.getMessage(), cause));
    }
}
