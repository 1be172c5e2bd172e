package io.smbench.engine.compile;

import java.util.Map;
import java.util.TreeMap;

/**
 * Reassembles one direction of a TCP connection: delivers bytes in sequence order, trims
 * retransmissions and overlaps, holds out-of-order segments until the hole fills, and when a hole
 * never fills (the capture lost packets) reports a gap of the missing length and carries on after
 * it. Sequence numbers compare modulo 2^32. Memory is bounded by {@link #MAX_PENDING} bytes held
 * out of order.
 */
public final class TcpReassembler {
    /** Out-of-order bytes held before declaring the missing range lost. */
    static final long MAX_PENDING = 16L * 1024 * 1024;

    /** Receives the reassembled stream. */
    public interface Sink {
        void data(byte[] bytes, int offset, int length, long packetNumber, long timestampNanos);

        /** {@code missing} bytes were never captured; the stream continues after them. */
        void gap(long missing, long packetNumber);
    }

    private final Sink sink;
    private final TreeMap<Long, TcpSegment> pending = new TreeMap<>();
    private long nextSequence = -1;
    private long pendingBytes;
    private long gaps;
    private long gapBytes;
    private long retransmittedBytes;

    public TcpReassembler(Sink sink) {
        this.sink = sink;
    }

    public void segment(TcpSegment segment) {
        if ((segment.flags() & TcpSegment.SYN) != 0) {
            nextSequence = (segment.sequence() + 1) & 0xFFFFFFFFL;
            return;
        }
        if (segment.payload().length == 0) {
            return;
        }
        if (nextSequence < 0) {
            nextSequence = segment.sequence(); // the capture started mid-connection
        }
        int distance = (int) (segment.sequence() - nextSequence);
        if (distance > 0) {
            if (!pending.containsKey(segment.sequence())) {
                pending.put(segment.sequence(), segment);
                pendingBytes += segment.payload().length;
            }
            if (pendingBytes > MAX_PENDING) {
                skipToPending();
            }
            return;
        }
        deliver(segment, -distance);
        drain();
    }

    /** End of the connection or of the capture: whatever is still held is delivered after its gap. */
    public void finish() {
        while (!pending.isEmpty()) {
            skipToPending();
        }
    }

    private void deliver(TcpSegment segment, int alreadyHave) {
        int length = segment.payload().length;
        // alreadyHave < 0: the segment is exactly 2^31 away, where -Integer.MIN_VALUE stays negative
        // (found by Jazzer); no real stream is that far from its next byte, so it is stale.
        if (alreadyHave < 0 || alreadyHave >= length) {
            retransmittedBytes += length;
            return;
        }
        retransmittedBytes += alreadyHave;
        sink.data(segment.payload(), alreadyHave, length - alreadyHave, segment.packetNumber(),
                segment.timestampNanos());
        nextSequence = (nextSequence + length - alreadyHave) & 0xFFFFFFFFL;
    }

    private void drain() {
        while (!pending.isEmpty()) {
            Map.Entry<Long, TcpSegment> first = firstBySequence();
            int distance = (int) (first.getKey() - nextSequence);
            if (distance > 0) {
                return;
            }
            pending.remove(first.getKey());
            pendingBytes -= first.getValue().payload().length;
            deliver(first.getValue(), -distance);
        }
    }

    private void skipToPending() {
        Map.Entry<Long, TcpSegment> first = firstBySequence();
        long missing = (first.getKey() - nextSequence) & 0xFFFFFFFFL;
        gaps++;
        gapBytes += missing;
        sink.gap(missing, first.getValue().packetNumber());
        nextSequence = first.getKey();
        drain();
    }

    /** The held segment nearest after nextSequence, modulo 2^32. */
    private Map.Entry<Long, TcpSegment> firstBySequence() {
        Map.Entry<Long, TcpSegment> best = null;
        long bestDistance = Long.MAX_VALUE;
        for (Map.Entry<Long, TcpSegment> entry : pending.entrySet()) {
            long distance = (entry.getKey() - nextSequence) & 0xFFFFFFFFL;
            if (distance > 0x7FFFFFFFL) {
                distance -= 0x1_0000_0000L; // behind: an overlap to trim
            }
            if (distance < bestDistance) {
                bestDistance = distance;
                best = entry;
            }
        }
        return best;
    }

    public long gaps() {
        return gaps;
    }

    public long gapBytes() {
        return gapBytes;
    }

    public long retransmittedBytes() {
        return retransmittedBytes;
    }
}
