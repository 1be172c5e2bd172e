package io.smbench.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lifecycle of {@link SambaLab} without the JUnit extension: start, readiness, stop, failures. */
class SambaLabTest {
    @BeforeAll
    static void needsSmbd() {
        assumeTrue(SambaLab.smbdAvailable(), SambaExtension.MISSING);
    }

    @Test
    void shouldLeaveNoProcessAfterClose() throws Exception {
        SambaLab lab = SambaLab.start(LabConfig.builder().bindAddress("127.0.0.1").bindAddress("127.0.0.2")
                .globalOption("debug encryption = yes").name("lifecycle").build());
        LabLayout layout = new LabLayout(lab.baseDir());
        try {
            System.err.println("[smbench-lab] instance ready in " + lab.startMillis() + " ms");
            assertThat(lab.startMillis()).isLessThan(15_000);
            assertThat(SambaProcess.isAlive(lab.pid())).isTrue();
            assertThat(FreePort.accepts("127.0.0.2", lab.port(), 1000)).isTrue();
            assertThat(lab.configFile()).content().contains("debug encryption = yes")
                    .contains("interfaces = 127.0.0.1/8 127.0.0.2/8");
            assertThat(lab.credentialsFile()).isRegularFile();
            assertThat(Files.getPosixFilePermissions(lab.credentialsFile()))
                    .containsExactlyInAnyOrderElementsOf(java.nio.file.attribute.PosixFilePermissions
                            .fromString("rw-------"));
            // a share listing makes smbd spawn samba-dcerpcd, which must be stopped too
            Commands.Result list = Commands.run(null, 60, List.of(Commands.require("smbclient"), "-L",
                    "//127.0.0.1", "-p", Integer.toString(lab.port()), "-A", lab.credentialsFile().toString(),
                    "-m", "SMB3_11"));
            assertThat(list.exitCode()).as(list.output()).isZero();
            assertThat(list.output()).contains("open").contains("signed").contains("encrypted");
            assertThat(SambaProcess.processesOf(layout)).contains(lab.pid());
        } finally {
            long t0 = System.nanoTime();
            lab.close();
            System.err.println("[smbench-lab] stopped (with samba-dcerpcd) in " + (System.nanoTime() - t0) / 1_000_000
                    + " ms");
        }
        assertThat(ProcessHandle.of(lab.pid()).map(ProcessHandle::isAlive)).isIn(Optional.empty(),
                Optional.of(false));
        assertThat(SambaProcess.processesOf(layout)).isEmpty();
        assertThat(lab.baseDir()).doesNotExist();
    }

    @Test
    void shouldReportLogTailWhenPortIsTaken(@TempDir Path dir) throws Exception {
        LabLayout.chmod(dir, "rwxr-xr-x");
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            LabConfig config = LabConfig.builder().port(taken.getLocalPort()).baseDir(dir.resolve("lab")).build();
            assertThatThrownBy(() -> SambaLab.start(config))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use")
                    .hasMessageContaining("exited during start")
                    .hasMessageContaining("tail of");
        }
        assertThat(SambaProcess.processesOf(new LabLayout(dir.resolve("lab")))).isEmpty();
    }

    @Test
    void shouldRefuseAFolderTheSmbUserCannotReach(@TempDir Path dir) {
        assumeTrue(SambaUser.isRoot(), "only root switches to another SMB user");
        LabConfig config = LabConfig.builder().baseDir(dir.resolve("lab")).build(); // @TempDir is 0700
        assertThatThrownBy(() -> SambaLab.start(config)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("chmod o+x " + dir);
    }

    @Test
    void shouldRetryWhenTheFreePortIsTakenBeforeSmbdBindsIt(@TempDir Path dir) throws Exception {
        LabLayout.chmod(dir, "rwxr-xr-x");
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            AtomicInteger calls = new AtomicInteger();
            // the first "free" port is already taken: smbd fails to bind it and the start retries
            try (SambaLab lab = SambaLab.start(LabConfig.builder().baseDir(dir.resolve("lab")).build(),
                    host -> calls.getAndIncrement() == 0 ? taken.getLocalPort() : FreePort.find(host))) {
                assertThat(calls.get()).isEqualTo(2);
                assertThat(lab.port()).isNotEqualTo(taken.getLocalPort());
                Commands.Result r = SmbClient.run(lab, "open", "ls", "-m", "SMB3_11");
                assertThat(r.exitCode()).as(r.output()).isZero();
            }
        }
        assertThat(SambaProcess.processesOf(new LabLayout(dir.resolve("lab")))).isEmpty();
    }

    @Test
    void shouldStopAttachedInstanceFromShutdownHook(@TempDir Path dir) throws Exception {
        LabLayout.chmod(dir, "rwxr-xr-x");
        Path base = dir.resolve("lab");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Commands.Result r = Commands.run(null, 60, List.of(java, "-cp", System.getProperty("java.class.path"),
                LabStartMain.class.getName(), "attached", base.toString()));
        assertThat(r.exitCode()).as(r.output()).isZero();
        long pid = Long.parseLong(r.output().replaceAll("(?s).*pid=(\\d+).*", "$1"));
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isIn(Optional.empty(), Optional.of(false));
        assertThat(SambaProcess.processesOf(new LabLayout(base))).isEmpty();
    }

    @Test
    void shouldRejectBadConfig() {
        assertThatThrownBy(() -> LabConfig.builder().bindAddress("10.0.0.1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LabConfig.builder().globalOption("a = b\n[evil]"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LabConfig.builder().port(70000)).isInstanceOf(IllegalArgumentException.class);
    }
}
