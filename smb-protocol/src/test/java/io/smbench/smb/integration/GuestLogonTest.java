package io.smbench.smb.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smbench.lab.SambaLab;
import io.smbench.lab.SambaTest;
import io.smbench.smb.client.ClientConfig;
import io.smbench.smb.client.Probe;
import io.smbench.smb.client.ProbeResult;
import io.smbench.smb.client.SmbAuthenticationException;
import io.smbench.smb.client.SmbClient;
import io.smbench.smb.ntlm.NtlmCredentials;
import org.junit.jupiter.api.Test;

/**
 * Guest logon (MS-SMB2 3.2.5.3.1: SMB2_SESSION_FLAG_IS_GUEST, a session without keys): Samba maps
 * an unknown user to its guest account with {@code map to guest = bad user}.
 */
@SambaTest(globalOptions = {"map to guest = bad user"})
class GuestLogonTest {
    @Test
    void shouldLogOnAsGuestWithoutKeys(SambaLab lab) {
        try (SmbClient client = new SmbClient(1)) {
            ProbeResult result = Probe.run(client, lab.host(), lab.port(), null, ClientConfig.defaults(),
                    new NtlmCredentials("nobody-by-that-name", "", "whatever".toCharArray()));
            assertThat(result.sessionFlags()).contains("IS_GUEST");
            assertThat(result.signing()).as("a guest session has no key to sign with").isFalse();
            assertThat(result.steps()).extracting(ProbeResult.Step::name).contains("session setup", "echo", "logoff");
        }
    }

    @Test
    void shouldRefuseGuestSessionWhenSigningIsRequired(SambaLab lab) {
        try (SmbClient client = new SmbClient(1)) {
            assertThatThrownBy(() -> Probe.run(client, lab.host(), lab.port(), null,
                    ClientConfig.defaults().withSigning(true),
                    new NtlmCredentials("nobody-by-that-name", "", "whatever".toCharArray())))
                    .isInstanceOf(SmbAuthenticationException.class)
                    .hasMessageContaining("IS_GUEST")
                    .hasMessageContaining("without keys");
        }
    }
}
