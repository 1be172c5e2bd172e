package io.smbench.smb.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.smbench.lab.SambaLab;
import io.smbench.lab.SambaTest;
import io.smbench.smb.client.ClientConfig;
import io.smbench.smb.client.Probe;
import io.smbench.smb.client.ProbeResult;
import io.smbench.smb.client.SmbClient;
import io.smbench.smb.ntlm.NtlmCredentials;
import org.junit.jupiter.api.Test;

@SambaTest
class ProbeSmokeTest {
    @Test
    void shouldProbeOpenShareWithDefaults(SambaLab lab) {
        try (SmbClient client = new SmbClient(1)) {
            ProbeResult result = Probe.run(client, lab.host(), lab.port(), "open", ClientConfig.defaults(),
                    new NtlmCredentials(lab.user(), lab.domain(), lab.password()));
            System.out.println(result);
            assertThat(result.dialect()).isEqualTo("3.1.1");
        }
    }
}
