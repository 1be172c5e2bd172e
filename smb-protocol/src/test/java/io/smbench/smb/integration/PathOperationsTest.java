package io.smbench.smb.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smbench.lab.SambaLab;
import io.smbench.lab.SambaTest;
import io.smbench.smb.client.ClientConfig;
import io.smbench.smb.client.Negotiator;
import io.smbench.smb.client.NegotiationResult;
import io.smbench.smb.client.SessionSetup;
import io.smbench.smb.client.SmbClient;
import io.smbench.smb.client.SmbConnection;
import io.smbench.smb.client.SmbSession;
import io.smbench.smb.client.SmbTree;
import io.smbench.smb.ntlm.NtlmCredentials;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** mkdir, rename, list, delete and rmdir as a Windows client does them, checked on Samba's disk. */
@SambaTest
class PathOperationsTest {
    @Test
    void shouldWalkADirectoryThroughItsLife(SambaLab lab) throws Exception {
        Path share = lab.shareDir("open");
        try (SmbClient client = new SmbClient(1)) {
            SmbConnection connection = client.connect(new InetSocketAddress(lab.host(), lab.port()),
                    Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS);
            ClientConfig config = ClientConfig.defaults();
            NegotiationResult negotiation = Negotiator.negotiate(connection, config, lab.host()).get(5, TimeUnit.SECONDS);
            SmbSession session = SessionSetup.authenticate(connection, negotiation, config,
                    new NtlmCredentials(lab.user(), lab.domain(), lab.password()), lab.host()).get(5, TimeUnit.SECONDS);
            SmbTree tree = session.connectTree("open").get(5, TimeUnit.SECONDS);

            tree.mkdir("/walk").get(5, TimeUnit.SECONDS);
            assertThat(share.resolve("walk")).isDirectory();
            for (int i = 0; i < 700; i++) { // more than one QUERY_DIRECTORY response holds
                Files.writeString(share.resolve("walk/file-" + i + ".txt"), "x");
            }
            assertThat(tree.list("/walk", "*.txt").get(10, TimeUnit.SECONDS)).isEqualTo(700);
            assertThat(tree.list("/walk", "file-1*.txt").get(10, TimeUnit.SECONDS)).isEqualTo(111);

            tree.rename("/walk/file-0.txt", "/walk/renamed.dat", false).get(5, TimeUnit.SECONDS);
            assertThat(share.resolve("walk/renamed.dat")).exists();
            assertThat(share.resolve("walk/file-0.txt")).doesNotExist();
            assertThatThrownBy(() -> tree.rename("/walk/file-1.txt", "/walk/file-2.txt", false).get(5, TimeUnit.SECONDS))
                    .hasMessageContaining("STATUS_OBJECT_NAME_COLLISION");
            tree.rename("/walk/file-1.txt", "/walk/file-2.txt", true).get(5, TimeUnit.SECONDS);
            assertThat(share.resolve("walk/file-1.txt")).doesNotExist();

            assertThatThrownBy(() -> tree.rmdir("/walk").get(5, TimeUnit.SECONDS))
                    .hasMessageContaining("STATUS_DIRECTORY_NOT_EMPTY");
            assertThat(share.resolve("walk")).as("a refused rmdir leaves the directory").isDirectory();
            try (var files = Files.list(share.resolve("walk"))) {
                for (Path file : files.toList()) {
                    tree.delete("/walk/" + file.getFileName()).get(5, TimeUnit.SECONDS);
                }
            }
            tree.rmdir("/walk").get(5, TimeUnit.SECONDS);
            assertThat(share.resolve("walk")).doesNotExist();
        }
    }
}
