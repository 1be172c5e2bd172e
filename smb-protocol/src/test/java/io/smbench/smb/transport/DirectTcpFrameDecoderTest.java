package io.smbench.smb.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import org.junit.jupiter.api.Test;

class DirectTcpFrameDecoderTest {
    /** Two frames: "ABC" (length 3) and "DEFGH" (length 5), each behind its 4-byte Direct TCP header. */
    private static final byte[] TWO_FRAMES = {0, 0, 0, 3, 'A', 'B', 'C', 0, 0, 0, 5, 'D', 'E', 'F', 'G', 'H'};

    @Test
    void shouldSplitFramesArrivingOneByteAtATime() {
        EmbeddedChannel channel = new EmbeddedChannel(new DirectTcpFrameDecoder(1024));
        for (byte b : TWO_FRAMES) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }
        ByteBuf first = channel.readInbound();
        ByteBuf second = channel.readInbound();
        assertThat(first.toString(java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ABC");
        assertThat(second.toString(java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("DEFGH");
        first.release();
        second.release();
        assertThat(channel.finishAndReleaseAll()).isFalse();
    }

    @Test
    void shouldNameStreamOffsetOfNonZeroFirstByte() {
        EmbeddedChannel channel = new EmbeddedChannel(new DirectTcpFrameDecoder(1024));
        byte[] bad = TWO_FRAMES.clone();
        bad[7] = (byte) 0x85; // the second header: NetBIOS session keep-alive type, not 0
        assertThatThrownBy(() -> channel.writeInbound(Unpooled.wrappedBuffer(bad)))
                .isInstanceOf(DecoderException.class)
                .hasMessageContaining("stream byte 7")
                .hasMessageContaining("0x85");
        channel.finishAndReleaseAll();
    }

    @Test
    void shouldRefuseOversizedFrameBeforeBufferingIt() {
        EmbeddedChannel channel = new EmbeddedChannel(new DirectTcpFrameDecoder(100));
        assertThatThrownBy(() -> channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 0x10, 0, 0})))
                .hasMessageContaining("announces 1048576 bytes");
        channel.finishAndReleaseAll();
    }

    @Test
    void shouldPrefixLengthWhenEncoding() {
        EmbeddedChannel channel = new EmbeddedChannel(new DirectTcpFrameEncoder());
        channel.writeOutbound(Unpooled.wrappedBuffer(new byte[] {1, 2, 3, 4, 5}));
        ByteBuf header = channel.readOutbound();
        ByteBuf body = channel.readOutbound();
        assertThat(header.readInt()).isEqualTo(5);
        assertThat(body.readableBytes()).isEqualTo(5);
        header.release();
        body.release();
        channel.finishAndReleaseAll();
    }
}
