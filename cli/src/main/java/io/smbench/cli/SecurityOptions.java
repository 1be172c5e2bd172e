package io.smbench.cli;

import io.smbench.smb.client.ClientConfig;
import io.smbench.smb.crypto.CipherSuite;
import io.smbench.smb.crypto.SigningAlgorithm;
import io.smbench.smb.mssmb2.Dialect;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/** Dialect, signing and encryption choices, turned into a {@link ClientConfig}. */
public final class SecurityOptions {
    @Option(names = "--dialect", paramLabel = "D[-D]", defaultValue = "2.0.2-3.1.1",
            description = "Dialect to pin (e.g. 3.0.2) or range to offer (e.g. 2.1-3.1.1); default: ${DEFAULT-VALUE}.")
    String dialect;

    @Option(names = "--sign", description = "Require signing of every message (SMB2_NEGOTIATE_SIGNING_REQUIRED).")
    boolean sign;

    @Option(names = "--encrypt", description = "Encrypt every message of the session (SMB 3.0 or later).")
    boolean encrypt;

    @Option(names = "--cipher", paramLabel = "LIST", split = ",",
            description = "Ciphers to offer on 3.1.1, in order: AES-128-GCM, AES-128-CCM, AES-256-GCM, AES-256-CCM "
                    + "(default: all, in that order).")
    List<String> ciphers;

    @Option(names = "--signing-algorithm", paramLabel = "LIST", split = ",",
            description = "Signing algorithms to offer on 3.1.1, in order: AES-GMAC, AES-CMAC, HMAC-SHA256 "
                    + "(default: all, in that order).")
    List<String> signingAlgorithms;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Timeout of each request, in seconds (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    /** The client configuration these options describe; bad values raise IllegalArgumentException. */
    ClientConfig toConfig() {
        ClientConfig config = ClientConfig.defaults()
                .withDialects(Dialect.parseRange(dialect))
                .withSigning(sign)
                .withRequestTimeout(Duration.ofSeconds(timeoutSeconds));
        if (ciphers != null) {
            config = config.withCiphers(ciphers.stream().map(CipherSuite::parse).toList());
        }
        if (signingAlgorithms != null) {
            config = config.withSigningAlgorithms(signingAlgorithms.stream().map(SigningAlgorithm::parse).toList());
        }
        return config.withEncryption(encrypt);
    }
}
