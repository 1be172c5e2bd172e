package io.smbench.engine.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TcpReassemblerTest {
    private final ByteArrayOutputStream stream = new ByteArrayOutputStream();
    private final List<Long> gaps = new ArrayList<>();
    private final TcpReassembler reassembler = new TcpReassembler(new TcpReassembler.Sink() {
        @Override
        public void data(byte[] bytes, int offset, int length, long packetNumber, long timestampNanos) {
            stream.write(bytes, offset, length);
        }

        @Override
        public void gap(long missing, long packetNumber) {
            gaps.add(missing);
        }
    });

    private static TcpSegment segment(long sequence, String payload, int flags) {
        return new TcpSegment(1, 0, "10.0.0.1", 50000, "10.0.0.2", 445, sequence & 0xFFFFFFFFL, flags,
                payload.getBytes(java.nio.charset.StandardCharsets.US_ASCII), false);
    }

    private String delivered() {
        return stream.toString(java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Test
    void shouldOrderOutOfOrderSegmentsAndTrimRetransmissions() {
        reassembler.segment(segment(999, "", TcpSegment.SYN));
        reassembler.segment(segment(1006, "world", 0));
        reassembler.segment(segment(1000, "hello ", 0));
        reassembler.segment(segment(1003, "lo wor", 0)); // overlap, already delivered
        reassembler.segment(segment(1011, "!", 0));
        assertThat(delivered()).isEqualTo("hello world!");
        assertThat(reassembler.retransmittedBytes()).isEqualTo(6);
        assertThat(gaps).isEmpty();
    }

    @Test
    void shouldReportALostSegmentAsAGapAndContinue() {
        reassembler.segment(segment(100, "abc", 0)); // capture started mid-connection
        reassembler.segment(segment(110, "xyz", 0)); // 103..109 never captured
        reassembler.finish();
        assertThat(delivered()).isEqualTo("abcxyz");
        assertThat(gaps).containsExactly(7L);
    }

    @Test
    void shouldHandleSequenceWrapAround() {
        reassembler.segment(segment(0xFFFFFFFEL, "ab", 0));
        reassembler.segment(segment(0, "cd", 0));
        assertThat(delivered()).isEqualTo("abcd");
    }

    @Test
    void shouldIgnoreASegmentExactlyHalfTheSequenceSpaceAway() {
        reassembler.segment(segment(0, "ab", 0));
        reassembler.segment(segment(2 + 0x80000000L, "zz", 0)); // 2^31 from the next byte (found by Jazzer)
        reassembler.segment(segment(2, "cd", 0));
        reassembler.finish();
        assertThat(delivered()).startsWith("abcd");
    }
}
