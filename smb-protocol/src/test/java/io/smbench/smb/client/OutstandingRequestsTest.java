package io.smbench.smb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutstandingRequestsTest {
    private static final class Recorder implements ResponseListener<String> {
        final List<String> responses = new ArrayList<>();
        final List<Throwable> failures = new ArrayList<>();

        @Override
        public void onResponse(String response) {
            responses.add(response);
        }

        @Override
        public void onFailure(Throwable cause) {
            failures.add(cause);
        }
    }

    private final OutstandingRequests<String> table = new OutstandingRequests<>();

    private Recorder send(long messageId) {
        Recorder recorder = new Recorder();
        table.add(new PendingRequest<>(messageId, 5, 1, 0L, recorder));
        return recorder;
    }

    @Test
    void shouldFindRequestByMessageIdUntilRemoved() {
        send(7);
        assertThat(table.get(7).messageId()).isEqualTo(7);
        assertThat(table.remove(7)).isNotNull();
        assertThat(table.get(7)).isNull();
        assertThat(table.remove(7)).as("a duplicate answer finds nothing").isNull();
    }

    @Test
    void shouldRefuseTheSameMessageIdTwice() {
        send(3);
        assertThatThrownBy(() -> send(3)).isInstanceOf(IllegalStateException.class).hasMessageContaining("3");
        assertThat(table.size()).isEqualTo(1);
    }

    @Test
    void shouldKeepInterimRequestOutstandingWithItsAsyncId() {
        send(9);
        PendingRequest<String> request = table.markAsync(9, 0x1234L);
        assertThat(request.isAsync()).isTrue();
        assertThat(table.get(9).asyncId()).isEqualTo(0x1234L);
        assertThat(table.markAsync(10, 1L)).isNull();
    }

    @Test
    void shouldFailTimedOutRequestOnceAndKeepItOrphanedUntilTheServerAnswers() {
        Recorder recorder = send(4);
        RuntimeException timeout = new RuntimeException("timeout");
        assertThat(table.expire(4, timeout)).isTrue();
        assertThat(table.expire(4, timeout)).isFalse();
        assertThat(recorder.failures).containsExactly(timeout);
        assertThat(table.get(4)).as("orphaned, still holding its MessageId").isNotNull();
        assertThat(table.remove(4).isTimedOut()).isTrue();
    }

    @Test
    void shouldFailEveryRequestOnCloseExceptThoseAlreadyTimedOut() {
        Recorder first = send(1);
        Recorder second = send(2);
        table.expire(2, new RuntimeException("timeout"));
        RuntimeException closed = new RuntimeException("closed");
        table.failAll(closed);
        assertThat(first.failures).containsExactly(closed);
        assertThat(second.failures).hasSize(1).doesNotContain(closed);
        assertThat(table.isEmpty()).isTrue();
    }
}
