package io.smbench.engine.sched;

import io.smbench.engine.backend.CompletionSink;
import java.nio.ByteBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

/**
 * Carries completions from the backend's threads to the scheduler: a many-to-one ring buffer of
 * fixed records (client, op, status, bytes, completion time), and the odd event between operations. Writers claim, fill and commit in
 * place (no allocation); when the ring is full a writer spins until the scheduler frees space,
 * because a completion must never be dropped.
 */
final class CompletionRing implements CompletionSink {
    static final int MSG_COMPLETION = 1;
    /** An event outside any operation; the op field holds its kind, status and bytes are unused. */
    static final int MSG_EVENT = 2;
    static final int CLIENT_OFFSET = 0;
    static final int OP_OFFSET = 4;
    static final int STATUS_OFFSET = 8;
    static final int BYTES_OFFSET = 16;
    static final int NANOS_OFFSET = 24;
    static final int LENGTH = 32;

    private final ManyToOneRingBuffer ring;
    private final org.agrona.concurrent.NanoClock clock;

    CompletionRing(int capacityBytes, org.agrona.concurrent.NanoClock clock) {
        this.ring = new ManyToOneRingBuffer(new UnsafeBuffer(
                ByteBuffer.allocateDirect(capacityBytes + RingBufferDescriptor.TRAILER_LENGTH)));
        this.clock = clock;
    }

    ManyToOneRingBuffer ring() {
        return ring;
    }

    @Override
    public void complete(int client, int op, int status, long bytes) {
        put(MSG_COMPLETION, client, op, status, bytes);
    }

    @Override
    public void event(int client, int event) {
        put(MSG_EVENT, client, event, 0, 0);
    }

    private void put(int type, int client, int op, int status, long bytes) {
        long now = clock.nanoTime();
        int index;
        while ((index = ring.tryClaim(type, LENGTH)) < 0) {
            Thread.onSpinWait();
        }
        MutableDirectBuffer buffer = ring.buffer();
        buffer.putInt(index + CLIENT_OFFSET, client);
        buffer.putInt(index + OP_OFFSET, op);
        buffer.putInt(index + STATUS_OFFSET, status);
        buffer.putLong(index + BYTES_OFFSET, bytes);
        buffer.putLong(index + NANOS_OFFSET, now);
        ring.commit(index);
    }
}
