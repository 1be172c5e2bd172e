package io.smbench.smb.client;

import io.smbench.smb.mssmb2.Smb2Header;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * One SMB2 transport connection: sends requests with MessageIds from the credit window, matches
 * responses to requests, and applies each session's signing and encryption.
 *
 * <p>The receive path follows MS-SMB2 3.2.5.1 in order: decrypt a transform (3.2.5.1.1.1), split a
 * compound chain (3.2.5.1.9), route unsolicited break notifications (MessageId
 * 0xFFFFFFFFFFFFFFFF, 3.2.5.19), match the MessageId (3.2.5.1.2), grant credits (3.2.5.1.4),
 * record interim responses (3.2.5.1.5), verify the signature (3.2.5.1.3), complete.
 *
 * <p>Threading: every piece of state is owned by the channel's event loop; the public methods may
 * be called from any thread and hop onto it. Credits never block: a request without credit waits
 * in a queue until a response grants more.
 */
public final class SmbConnection implements AutoCloseable {
    private final Channel channel;
    private final EventLoop loop;
    private final CreditWindow credits = new CreditWindow();
    private final OutstandingRequests<Smb2Response> outstanding = new OutstandingRequests<>();
    private final ArrayDeque<Queued> waitingForCredit = new ArrayDeque<>();
    private final Long2ObjectHashMap<SessionEntry> sessions = new Long2ObjectHashMap<>();
    private final ConnectionStats stats = new ConnectionStats();
    private final CompletableFuture<Throwable> closeFuture = new CompletableFuture<>();
    private volatile UnsolicitedMessageListener unsolicitedListener;
    private volatile Throwable closeCause;

    private record Queued(List<OutgoingRequest> chain, boolean related, List<ResponseListener<Smb2Response>> listeners,
            ChainMutator mutator) {}

    private static final class SessionEntry {
        final MessageSecurity security;
        final boolean requireSignedResponses;

        SessionEntry(MessageSecurity security, boolean requireSignedResponses) {
            this.security = security;
            this.requireSignedResponses = requireSignedResponses;
        }
    }

    private final OplockBreakHandler breaks;

    SmbConnection(Channel channel) {
        this.channel = channel;
        this.loop = channel.eventLoop();
        this.breaks = new OplockBreakHandler(this);
        this.unsolicitedListener = breaks;
    }

    /** How oplock breaks on this connection are acknowledged (default: at once). */
    public void breakPolicy(BreakPolicy policy) {
        breaks.policy(policy);
    }

    /** Receives every oplock break seen on this connection, on the event loop. */
    public void onBreak(java.util.function.Consumer<BreakEvent> listener) {
        breaks.listener(listener);
    }

    OplockBreakHandler breaks() {
        return breaks;
    }

    /**
     * Whether requests can still be sent: the channel is up and the connection has not started
     * closing (it fails its outstanding requests before the channel goes down).
     */
    public boolean isOpen() {
        return closeCause == null && channel.isActive();
    }

    /** The Netty channel; tests and the transport use it. */
    public Channel channel() {
        return channel;
    }

    public ConnectionStats stats() {
        return stats;
    }

    /** Completes with the cause when the connection closes (null for an orderly close). */
    public CompletableFuture<Throwable> closeFuture() {
        return closeFuture;
    }

    /** Where unsolicited messages go; by default the oplock break handler. */
    public void onUnsolicited(UnsolicitedMessageListener listener) {
        this.unsolicitedListener = listener;
    }

    /**
     * Applies {@code security} to every later message of session {@code sessionId}.
     *
     * @param requireSignedResponses discard unsigned responses of this session (MS-SMB2 3.2.5.1.3)
     */
    public void registerSession(long sessionId, MessageSecurity security, boolean requireSignedResponses) {
        runOnLoop(() -> sessions.put(sessionId, new SessionEntry(security, requireSignedResponses)));
    }

    /** Stops applying security for a session (after LOGOFF). */
    public void unregisterSession(long sessionId) {
        runOnLoop(() -> sessions.remove(sessionId));
    }

    /** Sends one request; the future completes on the event loop. */
    public CompletableFuture<Smb2Response> send(OutgoingRequest request) {
        FutureListener listener = new FutureListener();
        send(request, listener);
        return listener.future;
    }

    /** Sends one request; exactly one of the listener's methods is called, on the event loop. */
    public void send(OutgoingRequest request, ResponseListener<Smb2Response> listener) {
        sendChain(List.of(request), false, List.of(listener));
    }

    /**
     * Sends requests as one compound chain (MS-SMB2 3.2.4.1.4): each gets its own MessageId and
     * response; with {@code related}, every request after the first carries
     * SMB2_FLAGS_RELATED_OPERATIONS so it uses the FileId, SessionId and TreeId of the one before.
     */
    public List<CompletableFuture<Smb2Response>> sendCompound(List<OutgoingRequest> chain, boolean related) {
        List<FutureListener> listeners = chain.stream().map(r -> new FutureListener()).toList();
        sendChain(chain, related, List.copyOf(listeners));
        return listeners.stream().map(l -> l.future).toList();
    }

    /**
     * Sends a chain like {@link #sendCompound}, but lets {@code mutator} change its encoded bytes
     * between framing and signing (see {@link ChainMutator}): for protocol fuzzing. MessageIds,
     * credits, timeouts and response matching follow the requests as built, not as mutated, so a
     * mutated CreditCharge or MessageId is the server's problem only; a response to a MessageId
     * the mutation invented is counted as stray and the request times out.
     */
    public List<CompletableFuture<Smb2Response>> sendMutated(List<OutgoingRequest> chain, boolean related,
            ChainMutator mutator) {
        java.util.Objects.requireNonNull(mutator, "mutator");
        List<FutureListener> listeners = chain.stream().map(r -> new FutureListener()).toList();
        sendChain(chain, related, List.copyOf(listeners), mutator);
        return listeners.stream().map(l -> l.future).toList();
    }

    private void sendChain(List<OutgoingRequest> chain, boolean related, List<ResponseListener<Smb2Response>> listeners) {
        sendChain(chain, related, listeners, null);
    }

    private void sendChain(List<OutgoingRequest> chain, boolean related, List<ResponseListener<Smb2Response>> listeners,
            ChainMutator mutator) {
        if (chain.isEmpty() || chain.size() != listeners.size()) {
            throw new IllegalArgumentException("a chain needs one listener per request and at least one request");
        }
        runOnLoop(() -> trySend(new Queued(chain, related, listeners, mutator)));
    }

    private void trySend(Queued queued) {
        if (closeCause != null || !channel.isActive()) {
            failChain(queued, new ConnectionClosedException("connection is closed", closeCause));
            return;
        }
        if (!waitingForCredit.isEmpty() || credits.available() < chargeOf(queued.chain())) {
            waitingForCredit.add(queued);
            // A queued request times out like a sent one: waiting for credit must not hang its caller.
            Duration timeout = queued.chain().get(0).timeout();
            loop.schedule(() -> {
                if (waitingForCredit.remove(queued)) {
                    failChain(queued, new RequestTimeoutException("no credit to send command 0x"
                            + Integer.toHexString(queued.chain().get(0).command()) + " within its timeout ("
                            + credits.available() + " credits held, " + chargeOf(queued.chain()) + " needed)"));
                }
            }, timeout.toNanos(), TimeUnit.NANOSECONDS);
            failUnsendable();
            return;
        }
        writeChain(queued);
    }

    /**
     * With nothing outstanding no response will grant credits, so a queued request that needs more
     * than the window holds can never be sent: fail it now rather than at its timeout.
     */
    private void failUnsendable() {
        while (outstanding.isEmpty() && !waitingForCredit.isEmpty()
                && credits.available() < chargeOf(waitingForCredit.peek().chain())) {
            Queued stuck = waitingForCredit.poll();
            failChain(stuck, new SmbClientException("command 0x" + Integer.toHexString(stuck.chain().get(0).command())
                    + " needs " + chargeOf(stuck.chain()) + " credits but the server granted only "
                    + credits.available() + " and nothing outstanding will grant more"));
        }
    }

    private static long chargeOf(List<OutgoingRequest> chain) {
        long total = 0;
        for (OutgoingRequest request : chain) {
            total += Math.max(1, request.creditCharge());
        }
        return total;
    }

    private void writeChain(Queued queued) {
        List<OutgoingRequest> chain = queued.chain();
        ByteBuf frame = channel.alloc().buffer();
        long[] messageIds = new long[chain.size()];
        int[] starts = new int[chain.size()];
        MessageSecurity encryptor = null;
        try {
            int previousStart = -1;
            for (int i = 0; i < chain.size(); i++) {
                OutgoingRequest request = chain.get(i);
                if (previousStart >= 0) {
                    padTo8(frame);
                    frame.setIntLE(previousStart + Smb2Header.NEXT_COMMAND, frame.writerIndex() - previousStart);
                }
                int start = frame.writerIndex();
                starts[i] = start - frame.readerIndex();
                messageIds[i] = credits.tryAcquire(request.creditCharge());
                int flags = request.extraFlags() | (queued.related() && i > 0 ? Smb2Header.FLAG_RELATED_OPERATIONS : 0);
                Smb2Header.writeRequest(frame, request.command(), request.creditCharge(), request.creditRequest(), flags,
                        messageIds[i], request.treeId(), request.sessionId());
                request.body().write(frame, start);
                previousStart = start;
                SessionEntry session = sessions.get(request.sessionId());
                if (session != null && (session.security.encrypts() || request.encrypt())) {
                    encryptor = session.security;
                }
            }
            if (queued.mutator() != null) {
                int length = frame.readableBytes();
                queued.mutator().mutate(frame, starts.clone());
                if (frame.readableBytes() != length) {
                    throw new IllegalStateException("a ChainMutator changed the chain's length");
                }
            }
            signEach(frame, starts, chain, encryptor != null);
            for (int i = 0; i < chain.size(); i++) {
                PendingRequest<Smb2Response> pending = new PendingRequest<>(messageIds[i], chain.get(i).command(),
                        chain.get(i).creditCharge(), System.nanoTime(), chain.get(i).sessionId(), queued.listeners().get(i));
                outstanding.add(pending);
                armTimeout(pending, chain.get(i).timeout());
            }
            ByteBuf wire = encryptor == null ? frame : encryptor.encrypt(channel.alloc(), frame);
            frame = null;
            channel.writeAndFlush(wire).addListener(written -> {
                if (!written.isSuccess()) {
                    close(new ConnectionClosedException("write failed", written.cause()));
                }
            });
        } catch (RuntimeException e) {
            if (frame != null) {
                frame.release();
            }
            for (int i = 0; i < chain.size(); i++) {
                outstanding.remove(messageIds[i]);
                queued.listeners().get(i).onFailure(e);
            }
        }
    }

    /** Signs each message over the boundaries it was framed with ({@code starts}, from the reader index). */
    private void signEach(ByteBuf frame, int[] starts, List<OutgoingRequest> chain, boolean encrypted) {
        for (int i = 0; i < chain.size(); i++) {
            int start = frame.readerIndex() + starts[i];
            int end = i + 1 < starts.length ? frame.readerIndex() + starts[i + 1] : frame.writerIndex();
            ByteBuf message = frame.slice(start, end - start);
            SessionEntry session = sessions.get(chain.get(i).sessionId());
            // An encrypted message is not signed: the transform's tag authenticates it (3.2.4.1.8).
            boolean askedToSign = (chain.get(i).extraFlags() & Smb2Header.FLAG_SIGNED) != 0;
            if (session != null && (session.security.signs() || askedToSign) && !encrypted) {
                session.security.sign(message);
            }
            MessageObserver observer = chain.get(i).observer();
            if (observer != null) {
                observer.observe(message);
            }
        }
    }

    private static void padTo8(ByteBuf frame) {
        int pad = (8 - (frame.writerIndex() - frame.readerIndex()) % 8) % 8;
        frame.writeZero(pad);
    }

    private void armTimeout(PendingRequest<Smb2Response> pending, Duration timeout) {
        pending.timeout(loop.schedule(() -> expire(pending), timeout.toNanos(), TimeUnit.NANOSECONDS));
    }

    private void expire(PendingRequest<Smb2Response> pending) {
        if (outstanding.get(pending.messageId()) != pending) {
            return;
        }
        stats.countTimeout();
        outstanding.expire(pending.messageId(), new RequestTimeoutException("no response to command 0x"
                + Integer.toHexString(pending.command()) + " (MessageId " + pending.messageId() + ") in time; CANCEL sent"));
        sendCancel(pending);
    }

    /**
     * Sends CANCEL for an outstanding request (MS-SMB2 3.2.4.24): with the request's MessageId, or
     * in the async form with its AsyncId once an interim response gave one. CANCEL consumes no
     * credit and gets no response of its own.
     */
    public void cancel(long messageId) {
        runOnLoop(() -> {
            PendingRequest<Smb2Response> pending = outstanding.get(messageId);
            if (pending != null) {
                sendCancel(pending);
            }
        });
    }

    private void sendCancel(PendingRequest<Smb2Response> pending) {
        if (!channel.isActive()) {
            return;
        }
        ByteBuf frame = channel.alloc().buffer(Smb2Header.LENGTH + 4);
        frame.writeIntLE(Smb2Header.PROTOCOL_ID);
        frame.writeShortLE(Smb2Header.LENGTH);
        frame.writeShortLE(0); // CreditCharge: CANCEL consumes none
        frame.writeIntLE(0);
        frame.writeShortLE(Smb2Header.COMMAND_CANCEL);
        frame.writeShortLE(0);
        frame.writeIntLE(pending.isAsync() ? Smb2Header.FLAG_ASYNC_COMMAND : 0);
        frame.writeIntLE(0);
        frame.writeLongLE(pending.messageId());
        frame.writeLongLE(pending.asyncId()); // sync form: Reserved and TreeId, both zero
        frame.writeLongLE(pending.sessionId());
        frame.writeZero(16);
        frame.writeShortLE(4); // StructureSize (2.2.30)
        frame.writeShortLE(0);
        SessionEntry session = sessions.get(pending.sessionId());
        ByteBuf wire = frame;
        if (session != null && session.security.encrypts()) {
            wire = session.security.encrypt(channel.alloc(), frame);
        } else if (session != null && session.security.signs()) {
            session.security.sign(frame);
        }
        stats.countCancelSent();
        channel.writeAndFlush(wire);
    }

    /** Called by the channel handler for every Direct TCP frame; takes ownership of {@code frame}. */
    void onFrame(ByteBuf frame) {
        try {
            if (frame.readableBytes() < 4) {
                throw protocolError("frame of " + frame.readableBytes() + " bytes is shorter than any SMB2 message", 0);
            }
            int protocolId = frame.getIntLE(frame.readerIndex());
            if (protocolId == 0x424D53FD) {
                onTransformed(frame);
            } else if (protocolId == Smb2Header.PROTOCOL_ID) {
                onPlainChain(frame, false);
            } else {
                throw protocolError(String.format("ProtocolId 0x%08X is neither SMB2 (0xFE 'SMB') nor a transform "
                        + "header (0xFD 'SMB')", Integer.reverseBytes(protocolId)), 0);
            }
        } finally {
            frame.release();
        }
    }

    private void onTransformed(ByteBuf frame) {
        if (frame.readableBytes() < 52) {
            throw protocolError("transform header truncated: " + frame.readableBytes() + " of 52 bytes", 0);
        }
        long sessionId = frame.getLongLE(frame.readerIndex() + 44);
        SessionEntry session = sessions.get(sessionId);
        if (session == null) {
            stats.countDecryptFailure();
            return;
        }
        ByteBuf plain;
        try {
            plain = session.security.decrypt(channel.alloc(), frame);
        } catch (SmbSecurityException e) {
            // MS-SMB2 3.2.5.1.1.1: discard; the request it answered times out and is reported.
            stats.countDecryptFailure();
            return;
        }
        try {
            onPlainChain(plain, true);
        } finally {
            plain.release();
        }
    }

    private void onPlainChain(ByteBuf chain, boolean encrypted) {
        int start = chain.readerIndex();
        int end = chain.writerIndex();
        while (true) {
            if (end - start < Smb2Header.LENGTH) {
                throw protocolError("message of " + (end - start) + " bytes is shorter than the 64-byte SMB2 header",
                        start - chain.readerIndex());
            }
            if (chain.getIntLE(start) != Smb2Header.PROTOCOL_ID) {
                throw protocolError("compounded message does not start with 0xFE 'SMB'", start - chain.readerIndex());
            }
            long next = chain.getUnsignedIntLE(start + Smb2Header.NEXT_COMMAND);
            if (next != 0 && (next < Smb2Header.LENGTH || next % 8 != 0 || start + next > end)) {
                throw protocolError("NextCommand=" + next + " is not an 8-byte aligned offset inside the frame (length "
                        + (end - start) + ")", start - chain.readerIndex() + Smb2Header.NEXT_COMMAND);
            }
            int length = next == 0 ? end - start : (int) next;
            onMessage(chain.retainedSlice(start, length), encrypted);
            if (next == 0) {
                return;
            }
            start += length;
        }
    }

    private void onMessage(ByteBuf message, boolean encrypted) {
        Smb2Response response = new Smb2Response(message, encrypted);
        boolean delivered = false;
        try {
            long messageId = response.messageId();
            if (messageId == Smb2Header.UNSOLICITED_MESSAGE_ID) {
                delivered = true;
                unsolicitedListener.onUnsolicited(response);
                return;
            }
            PendingRequest<Smb2Response> pending = outstanding.get(messageId);
            if (pending == null) {
                stats.countStrayResponse();
                return;
            }
            credits.grant(response.creditResponse());
            if (response.isAsync() && response.status() == Smb2Header.STATUS_PENDING) {
                stats.countInterimResponse();
                outstanding.markAsync(messageId, message.getLongLE(message.readerIndex() + Smb2Header.ASYNC_ID));
                drainWaiting();
                return;
            }
            outstanding.remove(messageId);
            stats.countResponseReceived();
            drainWaiting();
            SmbSecurityException securityFailure = checkSignature(response, encrypted);
            if (pending.isTimedOut()) {
                return;
            }
            if (securityFailure != null) {
                pending.listener().onFailure(securityFailure);
                return;
            }
            delivered = true;
            pending.listener().onResponse(response);
        } finally {
            if (!delivered) {
                response.close();
            }
        }
    }

    private SmbSecurityException checkSignature(Smb2Response response, boolean encrypted) {
        if (encrypted) {
            return null; // an encrypted message is authenticated by its tag instead (3.2.5.1.3)
        }
        SessionEntry session = sessions.get(response.sessionId());
        if (session == null) {
            return null;
        }
        if (response.isSigned()) {
            if (!session.security.verify(response.message())) {
                stats.countBadSignature();
                return new SmbSecurityException("bad signature on the response to MessageId " + response.messageId()
                        + " (command 0x" + Integer.toHexString(response.command()) + "); response discarded");
            }
            return null;
        }
        if (session.requireSignedResponses) {
            stats.countUnsignedWhenRequired();
            return new SmbSecurityException("unsigned response to MessageId " + response.messageId()
                    + " on a session that requires signing; response discarded");
        }
        return null;
    }

    private void drainWaiting() {
        while (!waitingForCredit.isEmpty() && credits.available() >= chargeOf(waitingForCredit.peek().chain())) {
            writeChain(waitingForCredit.poll());
        }
        failUnsendable();
    }

    private SmbProtocolViolation protocolError(String what, int offset) {
        SmbProtocolViolation error = new SmbProtocolViolation(what + " (byte offset " + offset + " of the frame)");
        close(error);
        return error;
    }

    private void failChain(Queued queued, Throwable cause) {
        for (ResponseListener<Smb2Response> listener : queued.listeners()) {
            listener.onFailure(cause);
        }
    }

    /** Closes the connection; every outstanding and queued request fails with {@code cause}. */
    void close(Throwable cause) {
        runOnLoop(() -> {
            if (closeCause != null) {
                return;
            }
            closeCause = cause == null ? new ConnectionClosedException("connection closed", null) : cause;
            ConnectionClosedException failure = closeCause instanceof ConnectionClosedException c ? c
                    : new ConnectionClosedException("connection closed: " + closeCause.getMessage(), closeCause);
            outstanding.failAll(failure);
            while (!waitingForCredit.isEmpty()) {
                failChain(waitingForCredit.poll(), failure);
            }
            channel.close();
            closeFuture.complete(cause);
        });
    }

    @Override
    public void close() {
        close(null);
        closeFuture.join();
    }

    /** Credits this connection holds now (for reports and tests). */
    public CompletableFuture<Long> availableCredits() {
        CompletableFuture<Long> result = new CompletableFuture<>();
        runOnLoop(() -> result.complete(credits.available()));
        return result;
    }

    private void runOnLoop(Runnable task) {
        if (loop.inEventLoop()) {
            task.run();
        } else {
            loop.execute(task);
        }
    }

    private static final class FutureListener implements ResponseListener<Smb2Response> {
        final CompletableFuture<Smb2Response> future = new CompletableFuture<>();

        @Override
        public void onResponse(Smb2Response response) {
            if (!future.complete(response)) {
                response.close();
            }
        }

        @Override
        public void onFailure(Throwable cause) {
            future.completeExceptionally(cause);
        }
    }
}
