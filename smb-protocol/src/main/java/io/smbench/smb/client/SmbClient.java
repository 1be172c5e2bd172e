package io.smbench.smb.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.smbench.smb.transport.DirectTcpFrameDecoder;
import io.smbench.smb.transport.DirectTcpFrameEncoder;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Opens SMB2 connections over TCP (Direct TCP transport, MS-SMB2 2.1) on a shared event loop group.
 * One client serves many connections; close it to stop its threads.
 */
public final class SmbClient implements AutoCloseable {
    /** Largest frame accepted from a server: 8 MiB reads plus headers and a compound's worth. */
    public static final int MAX_FRAME = 16 * 1024 * 1024 + 64 * 1024;

    private static final DirectTcpFrameEncoder FRAME_ENCODER = new DirectTcpFrameEncoder();

    private final NettyTransport transport;
    private final EventLoopGroup group;

    public SmbClient(int threads) {
        this.transport = NettyTransport.best();
        this.group = transport.newGroup(threads);
    }

    public NettyTransport transport() {
        return transport;
    }

    /** Connects; the future fails with a clear message when the server cannot be reached in time. */
    public CompletableFuture<SmbConnection> connect(InetSocketAddress address, Duration connectTimeout) {
        CompletableFuture<SmbConnection> result = new CompletableFuture<>();
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(transport.channelClass())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        SmbConnection connection = new SmbConnection(channel);
                        channel.attr(ConnectionAttribute.KEY).set(connection);
                        channel.pipeline()
                                .addLast("frame-decoder", new DirectTcpFrameDecoder(MAX_FRAME))
                                .addLast("frame-encoder", FRAME_ENCODER)
                                .addLast("smb2", new Smb2ClientHandler(connection));
                    }
                });
        ChannelFuture connect = bootstrap.connect(address);
        connect.addListener(done -> {
            if (done.isSuccess()) {
                result.complete(connect.channel().attr(ConnectionAttribute.KEY).get());
            } else {
                result.completeExceptionally(new SmbClientException("cannot connect to " + address.getHostString() + ":"
                        + address.getPort() + ": " + done.cause().getMessage(), done.cause()));
            }
        });
        return result;
    }

    /**
     * Connects, negotiates, logs on and connects to {@code share}: the sequence every user of a
     * share goes through (MS-SMB2 3.2.4.2).
     */
    public CompletableFuture<SmbTree> connectTree(String host, int port, String share, ClientConfig config,
            io.smbench.smb.ntlm.NtlmCredentials credentials) {
        return connect(new InetSocketAddress(host, port), config.connectTimeout())
                .thenCompose(connection -> Negotiator.negotiate(connection, config, host)
                        .thenCompose(negotiation -> SessionSetup.authenticate(connection, negotiation, config,
                                credentials, host)))
                .thenCompose(session -> session.connectTree(share));
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
