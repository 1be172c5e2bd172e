package io.smbench.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Acceptance of the extension against a real smbd: shares, encryption, signing, authentication. */
@SambaTest
class SambaExtensionTest {
    private static SambaLab fromBeforeAll;

    @BeforeAll
    static void resolvesInBeforeAll(SambaLab lab) {
        fromBeforeAll = lab;
    }

    @Test
    void shouldInjectOneInstancePerClass(SambaLab lab) {
        assertThat(lab).isSameAs(fromBeforeAll);
        assertThat(lab.host()).isEqualTo("127.0.0.1");
        assertThat(lab.domain()).isEqualTo("WORKGROUP");
        assertThat(lab.port()).isPositive();
    }

    @Test
    void shouldMkdirAndListAtSmb311(SambaLab lab) {
        Commands.Result r = SmbClient.run(lab, "open", "mkdir d; ls", "-m", "SMB3_11");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("d ").doesNotContain("NT_STATUS");
        assertThat(lab.shareDir("open").resolve("d")).isDirectory();
    }

    @Test
    void shouldPutFileVisibleOnDisk(SambaLab lab, @TempDir Path tmp) throws IOException {
        Path local = tmp.resolve("hello.txt");
        Files.writeString(local, "hello samba", StandardCharsets.UTF_8);
        Commands.Result r = SmbClient.run(lab, "open", "put " + local + " hello.txt", "-m", "SMB3_11");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(lab.shareDir("open").resolve("hello.txt")).hasContent("hello samba");
    }

    @Test
    void shouldRefuseSmb210OnEncryptedShare(SambaLab lab) {
        Commands.Result r = SmbClient.run(lab, "encrypted", "ls", "-m", "SMB2_10");
        assertThat(r.exitCode()).as(r.output()).isNotZero();
        assertThat(r.output()).contains("NT_STATUS_ACCESS_DENIED");
    }

    @Test
    void shouldAcceptEncryptionAtSmb3OnEncryptedShare(SambaLab lab) {
        Commands.Result r = SmbClient.run(lab, "encrypted", "mkdir e; ls", "-m", "SMB3_11",
                "--client-protection=encrypt");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(lab.shareDir("encrypted").resolve("e")).isDirectory();
    }

    @Test
    void shouldRejectWrongPassword(SambaLab lab, @TempDir Path tmp) throws IOException {
        Path auth = tmp.resolve("wrong-auth");
        Files.createFile(auth, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(auth, "username = " + lab.user() + "\npassword = not-the-password\ndomain = WORKGROUP\n");
        Commands.Result r = SmbClient.run(lab, auth, "open", "ls", "-m", "SMB3_11");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.output()).contains("NT_STATUS_LOGON_FAILURE");
    }

    @Test
    void shouldSignEverySessionOnMandatoryInstance(@SigningMandatory SambaLab signed, SambaLab plain)
            throws Exception {
        assertThat(signed).isNotSameAs(plain);
        assertThat(signed.port()).isNotEqualTo(plain.port());
        assertThat(signed.configFile()).content().contains("server signing = mandatory");
        // smbclient signs whenever the server requires it, even when told not to: the server's view decides.
        String mandatory = SmbClient.sessionStatus(signed, "open", "-m", "SMB3_11", "--client-protection=off");
        String optional = SmbClient.sessionStatus(plain, "open", "-m", "SMB3_11", "--client-protection=off");
        assertThat(signingDegree(mandatory)).as(mandatory).isEqualTo("full");
        assertThat(signingDegree(optional)).as(optional).isNotEqualTo("full");
    }

    private static String signingDegree(String smbstatusJson) {
        Matcher m = Pattern.compile("\"signing\":\\s*\\{[^}]*\"degree\":\\s*\"([^\"]*)\"")
                .matcher(smbstatusJson);
        return m.find() ? m.group(1) : "(no session)";
    }

    @Test
    void shouldNeverExposeThePassword(SambaLab lab) {
        String pw = new String(lab.password());
        assertThat(pw).hasSize(24);
        assertThat(lab.toString()).doesNotContain(pw);
        assertThat(lab.config().toString()).doesNotContain(pw);
        assertThat(lab.configFile()).content().doesNotContain(pw);
    }
}
