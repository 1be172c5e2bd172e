package io.smbench.smb.client;

import io.smbench.smb.mssmb2.Dialect;
import io.smbench.smb.mssmb2.Smb2Flags;
import io.smbench.smb.ntlm.NtlmCredentials;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * What {@code smbench probe} does: connect, NEGOTIATE, SESSION_SETUP, TREE_CONNECT (and on 3.0/3.0.2
 * FSCTL_VALIDATE_NEGOTIATE_INFO), then disconnect cleanly, timing each step.
 */
public final class Probe {
    private final List<ProbeResult.Step> steps = new ArrayList<>();

    private Probe() {}

    /**
     * Probes a server.
     *
     * @param share share to connect to, or null to stop after SESSION_SETUP
     * @throws SmbClientException with the step's failure, message first
     */
    public static ProbeResult run(SmbClient client, String host, int port, String share, ClientConfig config,
            NtlmCredentials credentials) {
        return new Probe().probe(client, host, port, share, config, credentials, session -> { });
    }

    /**
     * Probes a server and shows the authenticated session to {@code sessionObserver} (tests use it
     * to hand session keys to a capture decoder).
     */
    public static ProbeResult run(SmbClient client, String host, int port, String share, ClientConfig config,
            NtlmCredentials credentials, java.util.function.Consumer<SmbSession> sessionObserver) {
        return new Probe().probe(client, host, port, share, config, credentials, sessionObserver);
    }

    private ProbeResult probe(SmbClient client, String host, int port, String share, ClientConfig config,
            NtlmCredentials credentials, java.util.function.Consumer<SmbSession> sessionObserver) {
        SmbConnection connection = step("connect", () -> client.connect(new InetSocketAddress(host, port),
                config.connectTimeout()));
        try {
            NegotiationResult negotiation = step("negotiate", () -> Negotiator.negotiate(connection, config, host));
            SmbSession session = step("session setup", () -> SessionSetup.authenticate(connection, negotiation, config,
                    credentials, host));
            sessionObserver.accept(session);
            step("echo", session::echo);
            SmbTree tree = null;
            if (share != null) {
                tree = step("tree connect", () -> session.connectTree(share));
                SmbTree connected = tree;
                if (negotiation.dialect() == Dialect.SMB_3_0 || negotiation.dialect() == Dialect.SMB_3_0_2) {
                    if (session.signs() || session.encrypts() || (session.sessionFlags() & 3) == 0) {
                        step("validate negotiate", connected::validateNegotiate);
                    }
                }
                step("tree disconnect", connected::disconnect);
            }
            step("logoff", session::logoff);
            return new ProbeResult(host, port, share, client.transport().name(), negotiation.dialect().version(),
                    negotiation.serverGuidText(), Smb2Flags.securityMode(negotiation.serverSecurityMode()),
                    Smb2Flags.capabilities(negotiation.serverCapabilities()), negotiation.maxTransactSize(),
                    negotiation.maxReadSize(), negotiation.maxWriteSize(),
                    negotiation.preauthHash() == null ? null : "SHA-512",
                    negotiation.cipher() == null ? null : negotiation.cipher().displayName(),
                    session.signs() ? negotiation.signingAlgorithm().displayName() : null, session.signs(),
                    session.encrypts() || (tree != null && tree.encrypts()),
                    Smb2Flags.sessionFlags(session.sessionFlags()),
                    tree == null ? null : tree.info().shareTypeName(),
                    tree == null ? List.of() : Smb2Flags.shareFlags(tree.info().shareFlags()),
                    tree == null ? List.of() : Smb2Flags.shareCapabilities(tree.info().capabilities()),
                    List.copyOf(steps));
        } finally {
            connection.close();
        }
    }

    private <T> T step(String name, Supplier<CompletableFuture<T>> action) {
        long start = System.nanoTime();
        try {
            T value = action.get().get();
            steps.add(new ProbeResult.Step(name, (System.nanoTime() - start) / 1000));
            return value;
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof SmbClientException clientException) {
                throw clientException;
            }
            throw new SmbClientException(name + " failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmbClientException(name + " interrupted", e);
        }
    }
}
