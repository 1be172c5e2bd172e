package io.smbench.smb.client;

import io.smbench.smb.crypto.CipherSuite;
import io.smbench.smb.crypto.SigningAlgorithm;
import io.smbench.smb.mssmb2.Dialect;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What a client offers and insists on when it connects (MS-SMB2 3.2.3 client initialization and
 * 3.2.4.2 negotiate): dialects, signing, encryption with the ciphers and signing algorithms in the
 * user's order, and timeouts.
 *
 * @param dialects dialects to offer, lowest first; a single one pins the dialect
 * @param requireSigning set SMB2_NEGOTIATE_SIGNING_REQUIRED and sign every request
 * @param requireEncryption encrypt every request of the session (fails before SMB 3.0)
 * @param ciphers ciphers to offer on 3.1.1, in preference order
 * @param signingAlgorithms signing algorithms to offer on 3.1.1, in preference order
 * @param clientGuid ClientGuid; keep it across reconnects for durable handles
 * @param requestTimeout how long a request may wait for its final response
 * @param connectTimeout how long a TCP connect may take
 */
public record ClientConfig(
        List<Dialect> dialects,
        boolean requireSigning,
        boolean requireEncryption,
        List<CipherSuite> ciphers,
        List<SigningAlgorithm> signingAlgorithms,
        UUID clientGuid,
        Duration requestTimeout,
        Duration connectTimeout) {

    public ClientConfig {
        dialects = List.copyOf(dialects);
        ciphers = List.copyOf(ciphers);
        signingAlgorithms = List.copyOf(signingAlgorithms);
        Objects.requireNonNull(clientGuid, "clientGuid");
        if (dialects.isEmpty()) {
            throw new IllegalArgumentException("offer at least one dialect");
        }
        if (requireEncryption && dialects.stream().noneMatch(Dialect::isSmb3)) {
            throw new IllegalArgumentException("encryption needs SMB 3.0 or later, but only "
                    + dialects.stream().map(Dialect::version).toList() + " are offered");
        }
    }

    /** Every dialect, signing when the server wants it, no forced encryption, Windows' cipher order. */
    public static ClientConfig defaults() {
        return new ClientConfig(List.of(Dialect.values()), false, false,
                List.of(CipherSuite.AES_128_GCM, CipherSuite.AES_128_CCM, CipherSuite.AES_256_GCM, CipherSuite.AES_256_CCM),
                List.of(SigningAlgorithm.AES_GMAC, SigningAlgorithm.AES_CMAC, SigningAlgorithm.HMAC_SHA256),
                UUID.randomUUID(), Duration.ofSeconds(30), Duration.ofSeconds(10));
    }

    public ClientConfig withDialects(List<Dialect> value) {
        return new ClientConfig(value, requireSigning, requireEncryption, ciphers, signingAlgorithms, clientGuid,
                requestTimeout, connectTimeout);
    }

    public ClientConfig withSigning(boolean value) {
        return new ClientConfig(dialects, value, requireEncryption, ciphers, signingAlgorithms, clientGuid,
                requestTimeout, connectTimeout);
    }

    public ClientConfig withEncryption(boolean value) {
        return new ClientConfig(dialects, requireSigning, value, ciphers, signingAlgorithms, clientGuid, requestTimeout,
                connectTimeout);
    }

    public ClientConfig withCiphers(List<CipherSuite> value) {
        return new ClientConfig(dialects, requireSigning, requireEncryption, value, signingAlgorithms, clientGuid,
                requestTimeout, connectTimeout);
    }

    public ClientConfig withSigningAlgorithms(List<SigningAlgorithm> value) {
        return new ClientConfig(dialects, requireSigning, requireEncryption, ciphers, value, clientGuid, requestTimeout,
                connectTimeout);
    }

    /** The same configuration for another client machine: a different ClientGuid. */
    public ClientConfig withClientGuid(UUID value) {
        return new ClientConfig(dialects, requireSigning, requireEncryption, ciphers, signingAlgorithms, value,
                requestTimeout, connectTimeout);
    }

    public ClientConfig withRequestTimeout(Duration value) {
        return new ClientConfig(dialects, requireSigning, requireEncryption, ciphers, signingAlgorithms, clientGuid,
                value, connectTimeout);
    }
}
