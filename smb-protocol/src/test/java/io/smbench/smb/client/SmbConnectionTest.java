package io.smbench.smb.client;

import io.smbench.smb.mssmb2.Smb2Header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connection's send and receive rules, against hand-made server replies. */
class SmbConnectionTest {
    private static final int ECHO = 0x000D;
    private static final int STATUS_SUCCESS = 0;
    private static final int STATUS_PENDING = 0x103;

    private EmbeddedChannel channel;
    private SmbConnection connection;

    @BeforeEach
    void setUp() {
        channel = new EmbeddedChannel();
        connection = new SmbConnection(channel);
        channel.pipeline().addLast(new Smb2ClientHandler(connection));
    }

    @AfterEach
    void tearDown() {
        channel.finishAndReleaseAll();
    }

    private static OutgoingRequest echo(int creditRequest) {
        return OutgoingRequest.of(ECHO, 0, 0, creditRequest, (out, start) -> {
            out.writeShortLE(4);
            out.writeShortLE(0);
        }, Duration.ofSeconds(5));
    }

    /** A server response header (2.2.1) plus a 4-byte ECHO body. */
    private static ByteBuf response(long messageId, int status, int credits, int flags, long asyncId, int nextCommand) {
        ByteBuf buf = Unpooled.buffer();
        buf.writeIntLE(Smb2Header.PROTOCOL_ID);
        buf.writeShortLE(64);
        buf.writeShortLE(1);
        buf.writeIntLE(status);
        buf.writeShortLE(ECHO);
        buf.writeShortLE(credits);
        buf.writeIntLE(Smb2Header.FLAG_SERVER_TO_REDIR | flags);
        buf.writeIntLE(nextCommand);
        buf.writeLongLE(messageId);
        buf.writeLongLE(asyncId);
        buf.writeLongLE(0);
        buf.writeZero(16);
        buf.writeShortLE(4);
        buf.writeShortLE(0);
        return buf;
    }

    private ByteBuf sent() {
        ByteBuf out = channel.readOutbound();
        assertThat(out).as("a message was written").isNotNull();
        return out;
    }

    @Test
    void shouldSendFirstRequestWithMessageIdZeroAndCompleteOnItsResponse() throws Exception {
        CompletableFuture<Smb2Response> future = connection.send(echo(10));
        ByteBuf request = sent();
        assertThat(request.getIntLE(0)).isEqualTo(Smb2Header.PROTOCOL_ID);
        assertThat(request.getLongLE(Smb2Header.MESSAGE_ID)).isZero();
        assertThat(request.getUnsignedShortLE(Smb2Header.CREDITS)).isEqualTo(10);
        request.release();

        channel.writeInbound(response(0, STATUS_SUCCESS, 10, 0, 0, 0));
        try (Smb2Response response = future.get(1, TimeUnit.SECONDS)) {
            assertThat(response.messageId()).isZero();
            assertThat(response.status()).isZero();
        }
        assertThat(connection.availableCredits().get()).isEqualTo(10);
    }

    @Test
    void shouldQueueRequestsUntilCreditsArriveInsteadOfBlocking() throws Exception {
        CompletableFuture<Smb2Response> first = connection.send(echo(1));
        CompletableFuture<Smb2Response> second = connection.send(echo(1));
        sent().release();
        assertThat((Object) channel.readOutbound()).as("no credit left for the second request").isNull();

        channel.writeInbound(response(0, STATUS_SUCCESS, 1, 0, 0, 0));
        first.get(1, TimeUnit.SECONDS).close();
        ByteBuf queued = sent();
        assertThat(queued.getLongLE(Smb2Header.MESSAGE_ID)).isEqualTo(1);
        queued.release();
        assertThat(second).isNotDone();
    }

    @Test
    void shouldFailQueuedRequestThatCanNeverGetEnoughCredits() throws Exception {
        CompletableFuture<Smb2Response> first = connection.send(echo(1));
        sent().release();
        channel.writeInbound(response(0, STATUS_SUCCESS, 1, 0, 0, 0));
        first.get(1, TimeUnit.SECONDS).close();
        // One credit held, nothing outstanding: a 4-credit request can never be sent.
        CompletableFuture<Smb2Response> big = connection.send(echo(1).withCreditCharge(4));
        assertThatThrownBy(() -> big.get(1, TimeUnit.SECONDS)).hasMessageContaining("needs 4 credits");
    }

    @Test
    void shouldTimeOutRequestStillWaitingForCredit() throws Exception {
        CompletableFuture<Smb2Response> first = connection.send(echo(1));
        CompletableFuture<Smb2Response> queued = connection.send(OutgoingRequest.of(ECHO, 0, 0, 1, (out, start) -> {
            out.writeShortLE(4);
            out.writeShortLE(0);
        }, Duration.ofMillis(50)));
        sent().release();
        channel.advanceTimeBy(100, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThatThrownBy(() -> queued.get(1, TimeUnit.SECONDS)).hasCauseInstanceOf(RequestTimeoutException.class)
                .hasMessageContaining("no credit");
        assertThat(first).isNotDone();
    }

    @Test
    void shouldKeepRequestOpenAfterInterimResponseAndCompleteOnAsyncFinal() throws Exception {
        CompletableFuture<Smb2Response> future = connection.send(echo(1));
        sent().release();
        channel.writeInbound(response(0, STATUS_PENDING, 1, Smb2Header.FLAG_ASYNC_COMMAND, 0x77, 0));
        assertThat(future).isNotDone();
        assertThat(connection.stats().interimResponses()).isEqualTo(1);

        channel.writeInbound(response(0, STATUS_SUCCESS, 0, Smb2Header.FLAG_ASYNC_COMMAND, 0x77, 0));
        try (Smb2Response response = future.get(1, TimeUnit.SECONDS)) {
            assertThat(response.isAsync()).isTrue();
        }
    }

    @Test
    void shouldSplitCompoundResponseByNextCommand() throws Exception {
        channel.writeInbound(response(0, STATUS_SUCCESS, 3, 0, 0, 0)); // stray: counted, credits not granted
        assertThat(connection.stats().strayResponses()).isEqualTo(1);

        List<CompletableFuture<Smb2Response>> futures = connection.sendCompound(List.of(echo(1)), false);
        sent().release();
        channel.writeInbound(response(0, STATUS_SUCCESS, 2, 0, 0, 0));
        futures.get(0).get(1, TimeUnit.SECONDS).close();

        List<CompletableFuture<Smb2Response>> chain = connection.sendCompound(List.of(echo(1), echo(1)), true);
        ByteBuf compound = sent();
        long next = compound.getUnsignedIntLE(Smb2Header.NEXT_COMMAND);
        assertThat(next).isEqualTo(72); // 68 bytes padded to 8
        assertThat(compound.getIntLE((int) next + Smb2Header.FLAGS) & Smb2Header.FLAG_RELATED_OPERATIONS).isNotZero();
        assertThat(compound.getLongLE((int) next + Smb2Header.MESSAGE_ID)).isEqualTo(2);
        compound.release();

        ByteBuf first = response(1, STATUS_SUCCESS, 1, 0, 0, 72);
        first.writeZero(4);
        ByteBuf reply = Unpooled.wrappedBuffer(first, response(2, STATUS_SUCCESS, 1, 0, 0, 0));
        channel.writeInbound(reply);
        try (Smb2Response a = chain.get(0).get(1, TimeUnit.SECONDS);
                Smb2Response b = chain.get(1).get(1, TimeUnit.SECONDS)) {
            assertThat(a.messageId()).isEqualTo(1);
            assertThat(b.messageId()).isEqualTo(2);
        }
    }

    @Test
    void shouldFailTimedOutRequestAndSendCancelWithItsMessageId() throws Exception {
        CompletableFuture<Smb2Response> future = connection.send(OutgoingRequest.of(ECHO, 0x55, 0, 1,
                (out, start) -> out.writeInt(0x04000000), Duration.ofMillis(100)));
        sent().release();
        channel.advanceTimeBy(200, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThatThrownBy(() -> future.get(1, TimeUnit.SECONDS)).hasCauseInstanceOf(RequestTimeoutException.class);
        ByteBuf cancel = sent();
        assertThat(cancel.getUnsignedShortLE(Smb2Header.COMMAND)).isEqualTo(Smb2Header.COMMAND_CANCEL);
        assertThat(cancel.getLongLE(Smb2Header.MESSAGE_ID)).isZero();
        assertThat(cancel.getLongLE(Smb2Header.SESSION_ID)).isEqualTo(0x55);
        cancel.release();

        // The late answer still frees the MessageId and returns its credits.
        channel.writeInbound(response(0, 0xC0000120, 4, 0, 0, 0));
        assertThat(connection.availableCredits().get()).isEqualTo(4);
    }

    @Test
    void shouldCloseAndFailOutstandingRequestsOnGarbageFromServer() {
        CompletableFuture<Smb2Response> future = connection.send(echo(1));
        sent().release();
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {'H', 'T', 'T', 'P', '/', '1', '.', '1'}));
        assertThatThrownBy(() -> future.get(1, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(ConnectionClosedException.class)
                .hasMessageContaining("ProtocolId");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void shouldRejectNextCommandPointingOutsideTheFrame() {
        CompletableFuture<Smb2Response> future = connection.send(echo(1));
        sent().release();
        channel.writeInbound(response(0, STATUS_SUCCESS, 1, 0, 0, 4096));
        assertThatThrownBy(() -> future.get(1, TimeUnit.SECONDS)).hasMessageContaining("NextCommand=4096");
    }

    @Test
    void shouldRouteBreakNotificationsToUnsolicitedListener() throws Exception {
        CompletableFuture<Integer> seen = new CompletableFuture<>();
        connection.onUnsolicited(message -> {
            seen.complete(message.command());
            message.close();
        });
        ByteBuf notification = response(-1L, STATUS_SUCCESS, 0, 0, 0, 0);
        notification.setShortLE(Smb2Header.COMMAND, Smb2Header.COMMAND_OPLOCK_BREAK);
        channel.writeInbound(notification);
        assertThat(seen.get(1, TimeUnit.SECONDS)).isEqualTo(Smb2Header.COMMAND_OPLOCK_BREAK);
    }

    @Test
    void shouldRejectBadSignatureAndCountIt() throws Exception {
        connection.registerSession(0, new RejectingSecurity(), true);
        CompletableFuture<Smb2Response> future = connection.send(echo(1));
        sent().release();
        channel.writeInbound(response(0, STATUS_SUCCESS, 1, Smb2Header.FLAG_SIGNED, 0, 0));
        assertThatThrownBy(() -> future.get(1, TimeUnit.SECONDS)).hasCauseInstanceOf(SmbSecurityException.class)
                .hasMessageContaining("bad signature");
        assertThat(connection.stats().badSignatures()).isEqualTo(1);

        CompletableFuture<Smb2Response> unsigned = connection.send(echo(1));
        sent().release();
        channel.writeInbound(response(1, STATUS_SUCCESS, 1, 0, 0, 0));
        assertThatThrownBy(() -> unsigned.get(1, TimeUnit.SECONDS)).hasMessageContaining("unsigned response");
    }

    @Test
    void shouldSignMutatedChainOverTheBoundariesItWasFramedWith() throws Exception {
        CompletableFuture<Smb2Response> first = connection.send(echo(10));
        sent().release();
        channel.writeInbound(response(0, STATUS_SUCCESS, 10, 0, 0, 0));
        first.get(1, TimeUnit.SECONDS).close();
        SigningRecorder security = new SigningRecorder();
        connection.registerSession(0, security, false);
        List<CompletableFuture<Smb2Response>> futures = connection.sendMutated(List.of(echo(1), echo(1)), false,
                (chain, starts) -> {
                    assertThat(starts).containsExactly(0, 72);
                    // A NextCommand past the frame and a wrong StructureSize: the server must see both.
                    chain.setIntLE(chain.readerIndex() + starts[0] + Smb2Header.NEXT_COMMAND, 0x7FF8);
                    chain.setShortLE(chain.readerIndex() + starts[1] + Smb2Header.LENGTH, 0x1234);
                });
        ByteBuf frame = sent();
        assertThat(frame.getIntLE(Smb2Header.NEXT_COMMAND)).isEqualTo(0x7FF8);
        assertThat(frame.getUnsignedShortLE(72 + Smb2Header.LENGTH)).isEqualTo(0x1234);
        assertThat(frame.getLongLE(72 + Smb2Header.MESSAGE_ID)).isEqualTo(2);
        assertThat(security.signedLengths).containsExactly(72, 68);
        assertThat(frame.getIntLE(Smb2Header.FLAGS) & Smb2Header.FLAG_SIGNED).isNotZero();
        assertThat(frame.getIntLE(72 + Smb2Header.FLAGS) & Smb2Header.FLAG_SIGNED).isNotZero();
        frame.release();

        channel.writeInbound(response(1, STATUS_SUCCESS, 1, 0, 0, 0));
        futures.get(0).get(1, TimeUnit.SECONDS).close();
        assertThat(futures.get(1)).isNotDone();
    }

    @Test
    void shouldFailMutatedChainWhoseLengthTheMutatorChanged() {
        List<CompletableFuture<Smb2Response>> futures = connection.sendMutated(List.of(echo(1)), false,
                (chain, starts) -> chain.writeZero(8));
        assertThatThrownBy(() -> futures.get(0).get(1, TimeUnit.SECONDS)).hasMessageContaining("length");
        assertThat((Object) channel.readOutbound()).isNull();
    }

    /** Signs by setting SMB2_FLAGS_SIGNED and remembering each signed message's length. */
    private static final class SigningRecorder implements MessageSecurity {
        final List<Integer> signedLengths = new java.util.ArrayList<>();

        @Override
        public boolean signs() {
            return true;
        }

        @Override
        public boolean encrypts() {
            return false;
        }

        @Override
        public void sign(ByteBuf message) {
            signedLengths.add(message.readableBytes());
            int at = message.readerIndex() + Smb2Header.FLAGS;
            message.setIntLE(at, message.getIntLE(at) | Smb2Header.FLAG_SIGNED);
        }

        @Override
        public boolean verify(ByteBuf message) {
            return true;
        }

        @Override
        public ByteBuf encrypt(io.netty.buffer.ByteBufAllocator allocator, ByteBuf plaintext) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ByteBuf decrypt(io.netty.buffer.ByteBufAllocator allocator, ByteBuf transformed) {
            throw new UnsupportedOperationException();
        }
    }

    /** Signs nothing and rejects every signature: enough to drive the verification path. */
    private static final class RejectingSecurity implements MessageSecurity {
        @Override
        public boolean signs() {
            return false;
        }

        @Override
        public boolean encrypts() {
            return false;
        }

        @Override
        public void sign(ByteBuf message) {}

        @Override
        public boolean verify(ByteBuf message) {
            return false;
        }

        @Override
        public ByteBuf encrypt(io.netty.buffer.ByteBufAllocator allocator, ByteBuf plaintext) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ByteBuf decrypt(io.netty.buffer.ByteBufAllocator allocator, ByteBuf transformed) {
            throw new UnsupportedOperationException();
        }
    }
}
