package io.smbench.smb.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NettyTransportTest {
    @AfterEach
    void clearProperty() {
        System.clearProperty(NettyTransport.PROPERTY);
    }

    @Test
    void shouldPickEpollWhenAvailableOnLinux() {
        assertThat(NettyTransport.best()).isEqualTo(Epoll.isAvailable() ? NettyTransport.EPOLL : NettyTransport.NIO);
    }

    @Test
    void shouldHonourForcedNio() throws Exception {
        System.setProperty(NettyTransport.PROPERTY, "nio");
        NettyTransport transport = NettyTransport.best();
        assertThat(transport).isEqualTo(NettyTransport.NIO);
        EventLoopGroup group = transport.newGroup(1);
        try {
            assertThat(group.next()).isNotNull();
        } finally {
            group.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.SECONDS).sync();
        }
    }
}
