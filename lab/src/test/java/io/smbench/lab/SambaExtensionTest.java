package io.smbench.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
    void shouldRequireSigningOnMandatoryInstance(@SigningMandatory SambaLab signed, SambaLab plain) {
        assertThat(signed).isNotSameAs(plain);
        assertThat(signed.port()).isNotEqualTo(plain.port());
        assertThat(signed.configFile()).content().contains("server signing = mandatory");
        Commands.Result ok = SmbClient.run(signed, "open", "ls", "-m", "SMB3_11");
        assertThat(ok.exitCode()).as(ok.output()).isZero();
        Commands.Result refused = SmbClient.run(signed, "open", "ls", "-m", "SMB3_11", "--client-protection=off");
        Commands.Result accepted = SmbClient.run(plain, "open", "ls", "-m", "SMB3_11", "--client-protection=off");
        System.err.println("plain vs mandatory: " + refused.output());
        assertThat(accepted.exitCode()).as(accepted.output()).isZero();
        assertThat(refused.exitCode()).as(refused.output()).isNotZero();
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
