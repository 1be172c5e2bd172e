package io.smbench.smb.client;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.Locale;

/**
 * Chooses the socket implementation: Netty's native epoll where it loads (Linux), NIO otherwise.
 *
 * <p>{@code -Dsmbench.transport=nio} forces NIO, e.g. in a container whose seccomp profile blocks
 * what epoll needs; the choice is reported by {@link #name()} so a benchmark says what it measured.
 */
public enum NettyTransport {
    EPOLL,
    NIO;

    /** System property that forces a transport: {@code epoll} or {@code nio}. */
    public static final String PROPERTY = "smbench.transport";

    /** The best transport available here, honouring {@value #PROPERTY}. */
    public static NettyTransport best() {
        String forced = System.getProperty(PROPERTY, "").toLowerCase(Locale.ROOT);
        if (forced.equals("nio")) {
            return NIO;
        }
        if (forced.equals("epoll")) {
            if (!Epoll.isAvailable()) {
                throw new IllegalStateException("-D" + PROPERTY + "=epoll but native epoll is unavailable: "
                        + Epoll.unavailabilityCause());
            }
            return EPOLL;
        }
        return Epoll.isAvailable() ? EPOLL : NIO;
    }

    /** A new event loop group of this kind with {@code threads} threads (0: Netty's default). */
    public EventLoopGroup newGroup(int threads) {
        return switch (this) {
            case EPOLL -> new MultiThreadIoEventLoopGroup(threads, EpollIoHandler.newFactory());
            case NIO -> new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
        };
    }

    /** The client socket channel class of this kind. */
    public Class<? extends Channel> channelClass() {
        return this == EPOLL ? EpollSocketChannel.class : NioSocketChannel.class;
    }
}
