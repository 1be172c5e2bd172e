package io.smbench.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Round trip of {@code smbench lab start|status|stop}: a detached smbd started by another JVM. */
class LabStateStoreTest {
    @BeforeAll
    static void needsSmbd() {
        assumeTrue(SambaLab.smbdAvailable(), SambaExtension.MISSING);
    }

    @Test
    void shouldStartDetachedReportStatusAndStop(@TempDir Path tmp) throws Exception {
        LabLayout.chmod(tmp, "rwxr-xr-x"); // @TempDir is 0700: the SMB user could not reach the shares
        Path dir = tmp.resolve("lab-run");
        LabStateStore store = new LabStateStore(dir);
        assertThat(store.status().running()).isFalse();
        assertThat(store.status().describe()).contains("not running");

        // start in a separate JVM that exits: the lab must outlive it
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Commands.Result launched = Commands.run(null, 60, List.of(java, "-cp", System.getProperty("java.class.path"),
                LabStartMain.class.getName(), "start", dir.toString()));
        assertThat(launched.exitCode()).as(launched.output()).isZero();
        try {
            LabStatus status = store.status();
            assertThat(status.running()).as(status.detail()).isTrue();
            LabInfo info = status.info().orElseThrow();
            assertThat(FreePort.accepts(info.host(), info.port(), 1000)).isTrue();

            String password = Files.readString(store.passwordFile(), StandardCharsets.UTF_8);
            assertThat(password).hasSize(24);
            assertThat(Files.getPosixFilePermissions(store.passwordFile()))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            String described = launched.output();
            assertThat(described).contains("Samba lab started").contains("127.0.0.1")
                    .contains("port:      " + info.port()).contains("open, signed, encrypted")
                    .contains("user:      " + info.user())
                    .contains("SMBENCH_PASSWORD_FILE=" + dir.toAbsolutePath().resolve("password"))
                    .contains("--password-file " + dir.toAbsolutePath().resolve("password"))
                    .doesNotContain(password);
            assertThat(status.describe()).contains("Samba lab running").doesNotContain(password);
            assertThat(Files.readString(dir.resolve(LabStateStore.STATE_FILE))).doesNotContain(password)
                    .contains("pid=" + info.pid()).contains("port=" + info.port());

            LabInfo again = store.start(0);
            assertThat(again.alreadyRunning()).isTrue();
            assertThat(again.pid()).isEqualTo(info.pid());
            assertThat(again.describe()).contains("already running");

            Commands.Result ls = Commands.run(null, 60, List.of(Commands.require("smbclient"), "//127.0.0.1/open",
                    "-p", Integer.toString(info.port()), "-A", info.credentialsFile().toString(), "-m", "SMB3_11",
                    "-c", "ls"));
            assertThat(ls.exitCode()).as(ls.output()).isZero();
        } finally {
            assertThat(store.stop()).isTrue();
        }
        LabStatus after = store.status();
        assertThat(after.running()).isFalse();
        assertThat(SambaProcess.processesOf(new LabLayout(dir))).isEmpty();
        assertThat(store.passwordFile()).doesNotExist();
        assertThat(store.stop()).isFalse();
    }

    @Test
    void shouldRunRootlessAsAnotherUser() throws Exception {
        assumeTrue(SambaUser.isRoot(), "needs root to switch to user nobody");
        String su = Commands.locate("su") == null ? null : Commands.locate("su").toString();
        assumeTrue(su != null && Files.readString(Path.of("/etc/passwd")).contains("\nnobody:"), "needs su and nobody");
        Path classes = Path.of(LabStateStore.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path testClasses = Path.of(LabStartMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path tmp = Files.createTempDirectory("smbench-rootless-");
        LabLayout.chmod(tmp, "rwxrwxrwx");
        Path dir = tmp.resolve("lab-run");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = classes + ":" + testClasses;
        try {
            Commands.Result started = Commands.run(null, 60, List.of(su, "-s", "/bin/sh", "nobody", "-c",
                    java + " -cp " + cp + " " + LabStartMain.class.getName() + " start " + dir));
            assumeTrue(!started.output().contains("ClassNotFoundException")
                    && !started.output().contains("Could not find or load"), "classes not readable by nobody");
            assertThat(started.exitCode()).as(started.output()).isZero();
            assertThat(started.output()).contains("user:      nobody");
            LabStatus status = new LabStateStore(dir).status();
            assertThat(status.running()).as(status.detail()).isTrue();
            LabInfo info = status.info().orElseThrow();
            Commands.Result ls = Commands.run(null, 60, List.of(Commands.require("smbclient"), "//127.0.0.1/open",
                    "-p", Integer.toString(info.port()), "-A", info.credentialsFile().toString(), "-m", "SMB3_11",
                    "-c", "mkdir rootless; ls"));
            assertThat(ls.exitCode()).as(ls.output()).isZero();
            assertThat(dir.resolve("share").resolve("rootless")).isDirectory();
            Commands.Result stopped = Commands.run(null, 60, List.of(su, "-s", "/bin/sh", "nobody", "-c",
                    java + " -cp " + cp + " " + LabStartMain.class.getName() + " stop " + dir));
            assertThat(stopped.output()).as(stopped.output()).contains("stopped");
            assertThat(SambaProcess.processesOf(new LabLayout(dir))).isEmpty();
        } finally {
            new LabStateStore(dir).stop();
            SambaLab.deleteTree(tmp);
        }
    }
}
