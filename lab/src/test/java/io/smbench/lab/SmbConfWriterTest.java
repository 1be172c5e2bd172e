package io.smbench.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated smb.conf: content and acceptance by Samba's own {@code testparm}. */
class SmbConfWriterTest {
    @Test
    void shouldRenderVerifiedOptions() {
        LabConfig config = LabConfig.builder().signingMandatory(true).bindAddress("127.0.0.1")
                .bindAddress("127.0.0.3").globalOption("debug encryption = yes").build();
        String conf = SmbConfWriter.render(new LabLayout(Path.of("/lab")), config, 4455);
        assertThat(conf).contains("interfaces = 127.0.0.1/8 127.0.0.3/8", "bind interfaces only = yes",
                "smb ports = 4455", "server min protocol = SMB2_02", "server max protocol = SMB3_11",
                "smb2 leases = yes", "durable handles = yes", "kernel oplocks = no", "kernel share modes = no",
                "posix locking = no", "server multi channel support = yes", "ncalrpc dir = /lab/ncalrpc",
                "pid directory = /lab/pid", "passdb backend = tdbsam:/lab/private/passdb.tdb",
                "server signing = mandatory", "debug encryption = yes", "[open]\n  path = /lab/share",
                "[signed]\n  path = /lab/signed", "[encrypted]\n  path = /lab/enc\n  read only = no\n"
                        + "  smb encrypt = required");
        int global = conf.indexOf("[global]");
        int firstShare = conf.indexOf("[open]");
        assertThat(conf.indexOf("server signing = mandatory")).isBetween(global, firstShare);
        assertThat(SmbConfWriter.render(new LabLayout(Path.of("/lab")), LabConfig.defaults(), 1))
                .doesNotContain("server signing");
    }

    @Test
    void shouldPassTestparm(@TempDir Path dir) throws Exception {
        Path testparm = Commands.locate("testparm");
        assumeTrue(testparm != null, "testparm (Debian package samba-common-bin) not installed");
        LabLayout layout = new LabLayout(dir);
        layout.create();
        SmbConfWriter.write(layout, LabConfig.builder().signingMandatory(true).build(), 4455);
        Commands.Result r = Commands.run(null, 30, List.of(testparm.toString(), "-s", layout.configFile().toString()));
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).doesNotContain("Unknown parameter").doesNotContain("Ignoring unknown")
                .contains("Loaded services file OK");
        assertThat(Files.readString(layout.configFile())).contains("smb ports = 4455");
    }
}
