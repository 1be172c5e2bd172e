package io.smbench.fuzz.live;

import io.netty.buffer.ByteBufUtil;
import io.smbench.smb.client.ClientConfig;
import io.smbench.smb.client.ConnectionClosedException;
import io.smbench.smb.client.Negotiator;
import io.smbench.smb.client.OutgoingRequest;
import io.smbench.smb.client.RequestTimeoutException;
import io.smbench.smb.client.SessionSetup;
import io.smbench.smb.client.Smb2Response;
import io.smbench.smb.client.SmbClient;
import io.smbench.smb.client.SmbConnection;
import io.smbench.smb.client.SmbProtocolViolation;
import io.smbench.smb.client.SmbSecurityException;
import io.smbench.smb.client.SmbTree;
import io.smbench.smb.mserref.NtStatus;
import io.smbench.smb.mssmb2.Smb2Command;
import io.smbench.smb.mssmb2.msg.CreateResponse;
import io.smbench.smb.mssmb2.msg.FileId;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one case from its seed: picks a {@link SeedSequence} and the step to mutate, connects and
 * logs on afresh (so no case inherits another's state and MessageIds repeat), runs the steps, sends
 * the mutated one through {@link io.smbench.smb.client.SmbConnection#sendMutated}, and classifies
 * what the server did. After a disconnect or a hang it checks that the server still negotiates on
 * a new connection; if not, the case crashed it.
 */
public final class CaseRunner {
    /** Slack beyond the hang timeout for futures that the connection's own timers complete. */
    private static final Duration MARGIN = Duration.ofSeconds(10);

    private final SmbClient client;
    private final FuzzTarget target;
    private final List<SeedSequence> sequences;

    public CaseRunner(SmbClient client, FuzzTarget target) {
        this.client = client;
        this.target = target;
        this.sequences = SeedSequence.available(target.config());
    }

    /** The sequences this target's configuration can run, in the order seeds index them. */
    public List<SeedSequence> sequences() {
        return sequences;
    }

    public CaseResult run(long caseSeed) throws InterruptedException {
        long started = System.nanoTime();
        SplitMix64 random = new SplitMix64(caseSeed);
        SeedSequence sequence = sequences.get(random.nextInt(sequences.size()));
        int mutatedStep = random.nextInt(sequence.steps());
        ClientConfig config = sequence.configFor(target.config())
                .withClientGuid(new UUID(random.nextLong(), random.nextLong()))
                .withRequestTimeout(target.hangTimeout());
        Driver driver = new Driver(caseSeed, sequence, random, config, mutatedStep);
        SmbConnection connection = null;
        try {
            connection = client.connect(new InetSocketAddress(target.host(), target.port()), config.connectTimeout())
                    .get(config.connectTimeout().plus(MARGIN).toMillis(), TimeUnit.MILLISECONDS);
            SmbConnection open = connection;
            driver.tree = Negotiator.negotiate(open, config, target.host())
                    .thenCompose(n -> SessionSetup.authenticate(open, n, config, target.credentials(), target.host()))
                    .thenCompose(session -> session.connectTree(target.share()))
                    .get(config.requestTimeout().multipliedBy(4).plus(MARGIN).toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            driver.end("log-on", Outcome.SETUP_FAILED, List.of(), "could not connect and log on: " + message(e));
        }
        if (driver.outcome == null) {
            try {
                sequence.run(driver);
            } catch (SequenceDriver.CaseEnded ended) {
                // the mutated step ran, or a plain one failed; driver holds the result
            }
        }
        if (connection != null) {
            connection.close();
        }
        if (driver.outcome == Outcome.DISCONNECT || driver.outcome == Outcome.HANG
                || (driver.outcome == Outcome.SETUP_FAILED && driver.tree == null)) {
            String down = unreachable();
            if (down != null) {
                driver.detail = driver.detail + "; afterwards the server was unreachable: " + down;
                driver.outcome = Outcome.CRASH;
            }
        }
        return driver.result((System.nanoTime() - started) / 1_000_000);
    }

    /** Null when the server accepts a new connection and answers NEGOTIATE, else why not. */
    private String unreachable() throws InterruptedException {
        ClientConfig config = target.config().withRequestTimeout(target.hangTimeout());
        SmbConnection probe = null;
        try {
            probe = client.connect(new InetSocketAddress(target.host(), target.port()), config.connectTimeout())
                    .get(config.connectTimeout().plus(MARGIN).toMillis(), TimeUnit.MILLISECONDS);
            Negotiator.negotiate(probe, config, target.host())
                    .get(config.requestTimeout().plus(MARGIN).toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return message(e);
        } finally {
            if (probe != null) {
                probe.close();
            }
        }
    }

    private static String message(Throwable e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    /** Runs the steps of one case and keeps its result. */
    private final class Driver implements SequenceDriver {
        private final long caseSeed;
        private final SeedSequence sequence;
        private final SplitMix64 random;
        private final ClientConfig config;
        private final int mutatedStep;
        private int stepIndex;
        SmbTree tree;
        String step;
        Outcome outcome;
        String detail;
        List<String> statuses = List.of();
        List<Mutation> mutations = List.of();
        byte[] sent = new byte[0];
        byte[] canonical = new byte[0];

        Driver(long caseSeed, SeedSequence sequence, SplitMix64 random, ClientConfig config, int mutatedStep) {
            this.caseSeed = caseSeed;
            this.sequence = sequence;
            this.random = random;
            this.config = config;
            this.mutatedStep = mutatedStep;
        }

        @Override
        public SmbTree tree() {
            return tree;
        }

        @Override
        public ClientConfig config() {
            return config;
        }

        @Override
        public SplitMix64 random() {
            return random;
        }

        @Override
        public String fileName() {
            return "smbench-fuzz-" + Long.toHexString(caseSeed) + ".bin";
        }

        @Override
        public StepResult step(String name, List<OutgoingRequest> chain, boolean related) {
            if (stepIndex++ == mutatedStep) {
                mutated(name, chain, related);
                throw new CaseEnded();
            }
            List<CompletableFuture<Smb2Response>> futures = tree.session().connection().sendCompound(chain, related);
            int[] codes = new int[chain.size()];
            FileId created = null;
            for (int i = 0; i < futures.size(); i++) {
                try (Smb2Response response = await(futures.get(i))) {
                    codes[i] = response.status();
                    if (codes[i] != NtStatus.STATUS_SUCCESS) {
                        end(name, Outcome.SETUP_FAILED, List.of(), "plain step " + name + " (before the mutated one) got "
                                + NtStatus.describe(codes[i]));
                        throw new CaseEnded();
                    }
                    if (chain.get(i).command() == Smb2Command.CREATE) {
                        created = CreateResponse.decode(response.message()).fileId();
                    }
                } catch (ExecutionException | TimeoutException e) {
                    end(name, Outcome.SETUP_FAILED, List.of(), "plain step " + name + " failed: " + message(e));
                    throw new CaseEnded();
                }
            }
            return new StepResult(codes, created);
        }

        private void mutated(String name, List<OutgoingRequest> chain, boolean related) {
            byte[][] observed = new byte[chain.size()][];
            List<OutgoingRequest> observedChain = new ArrayList<>();
            for (int i = 0; i < chain.size(); i++) {
                int index = i;
                observedChain.add(chain.get(i).observedBy(message -> observed[index] = ByteBufUtil.getBytes(message)));
            }
            FieldMutator mutator = new FieldMutator(random);
            SmbConnection connection = tree.session().connection();
            List<CompletableFuture<Smb2Response>> futures = connection.sendMutated(observedChain, related, mutator);
            List<String> names = new ArrayList<>();
            boolean closed = false;
            boolean badResponse = false;
            boolean timedOut = false;
            StringBuilder why = new StringBuilder();
            for (CompletableFuture<Smb2Response> future : futures) {
                try (Smb2Response response = await(future)) {
                    names.add(NtStatus.describe(response.status()));
                } catch (ExecutionException | TimeoutException e) {
                    names.add(null);
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    if (e instanceof TimeoutException || cause instanceof RequestTimeoutException) {
                        timedOut = true;
                    } else if (cause instanceof ConnectionClosedException && !(cause.getCause() instanceof SmbProtocolViolation)) {
                        closed = true;
                    } else if (cause instanceof ConnectionClosedException || cause instanceof SmbSecurityException) {
                        badResponse = true;
                    } else {
                        throw new IllegalStateException("fuzzer error in case " + CaseResult.seedText(caseSeed), cause);
                    }
                    if (why.length() == 0) {
                        why.append(message(e));
                    }
                }
            }
            mutations = mutator.mutations();
            sent = concat(observed);
            canonical = CanonicalBytes.of(sent, mutator.fields(), mutations);
            Outcome result = closed ? Outcome.DISCONNECT : badResponse ? Outcome.BAD_RESPONSE
                    : timedOut ? Outcome.HANG : Outcome.ANSWERED;
            String text = why.length() == 0 ? null : why.toString();
            if (result == Outcome.ANSWERED) {
                String echo = echoFails();
                if (echo != null) {
                    result = echo.startsWith("timeout") ? Outcome.HANG : Outcome.DISCONNECT;
                    text = "answered, then ECHO on the same connection failed: " + echo;
                }
            }
            end(name, result, names, text);
        }

        /** Null when ECHO is answered on the case's connection; "timeout: ..." or the failure otherwise. */
        private String echoFails() {
            try {
                await(tree.session().echo());
                return null;
            } catch (TimeoutException e) {
                return "timeout: " + e.getMessage();
            } catch (ExecutionException e) {
                return (e.getCause() instanceof RequestTimeoutException ? "timeout: " : "") + message(e);
            }
        }

        private <T> T await(CompletableFuture<T> future) throws ExecutionException, TimeoutException {
            try {
                return future.get(config.requestTimeout().plus(MARGIN).toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }

        void end(String stepName, Outcome result, List<String> names, String why) {
            step = stepName;
            outcome = result;
            statuses = names;
            detail = why;
        }

        CaseResult result(long millis) {
            return new CaseResult(caseSeed, sequence.label(), step, mutations, outcome, statuses, detail,
                    ByteBufUtil.hexDump(sent), ByteBufUtil.hexDump(canonical), millis);
        }
    }

    private static byte[] concat(byte[][] parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            if (part != null) {
                out.writeBytes(part);
            }
        }
        return out.toByteArray();
    }
}
