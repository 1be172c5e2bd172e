package io.smbench.engine.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Smb2StreamFramerTest {
    private final List<byte[]> messages = new ArrayList<>();
    private final Smb2StreamFramer framer = new Smb2StreamFramer((message, packet, time) -> messages.add(message));

    /** A Direct TCP frame holding a fake 64-byte SMB2 header with {@code tag} as its Command. */
    private static byte[] frame(int tag) {
        byte[] frame = new byte[4 + 64];
        frame[3] = 64;
        frame[4] = (byte) 0xFE;
        frame[5] = 'S';
        frame[6] = 'M';
        frame[7] = 'B';
        frame[4 + 12] = (byte) tag;
        return frame;
    }

    private void feed(byte[] bytes, int from, int to) {
        framer.data(bytes, from, to - from, 1, 0);
    }

    @Test
    void shouldCutMessagesSplitAcrossAndPackedInSegments() {
        byte[] two = new byte[2 * 68];
        System.arraycopy(frame(1), 0, two, 0, 68);
        System.arraycopy(frame(2), 0, two, 68, 68);
        feed(two, 0, 10);
        feed(two, 10, 100);
        feed(two, 100, 136);
        assertThat(messages).hasSize(2);
        assertThat(messages.get(1)[12]).isEqualTo((byte) 2);
    }

    @Test
    void shouldSkipNetbiosKeepAlivesAndResyncAfterAGap() {
        feed(new byte[] {(byte) 0x85, 0, 0, 0}, 0, 4); // NetBIOS keep-alive
        byte[] first = frame(1);
        feed(first, 0, 30); // half a message, then the capture lost the rest
        framer.gap(38, 2);
        byte[] noise = {9, 9, 9, 9, 9};
        feed(noise, 0, noise.length);
        byte[] second = frame(7);
        feed(second, 0, second.length);
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0)[12]).isEqualTo((byte) 7);
        assertThat(framer.resyncs()).isEqualTo(1);
        assertThat(framer.skippedBytes()).isEqualTo(5);
    }
}
