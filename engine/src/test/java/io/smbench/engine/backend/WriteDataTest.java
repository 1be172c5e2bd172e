package io.smbench.engine.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteDataTest {
    @TempDir
    Path dir;

    @Test
    void shouldSendTheBlobsBytesResolvedAgainstTheWorkloadFolder() throws Exception {
        Files.createDirectories(dir.resolve("w.blobs"));
        Files.write(dir.resolve("w.blobs/a.bin"), new byte[] {1, 2, 3, 4, 5});
        WriteData data = new WriteData(dir);
        ByteBuf bytes = data.bytes("w.blobs/a.bin", 4096, 4);
        assertThat(ByteBufUtil.getBytes(bytes)).containsExactly(1, 2, 3, 4);
        assertThat(ByteBufUtil.getBytes(data.whole("w.blobs/a.bin"))).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void shouldFailAWriteLongerThanItsBlobInsteadOfSendingLess() throws Exception {
        Files.write(dir.resolve("short.bin"), new byte[3]);
        assertThatThrownBy(() -> new WriteData(dir).bytes("short.bin", 0, 4))
                .hasMessageContaining("has 3 bytes, fewer than the write's length 4");
    }

    @Test
    void shouldGenerateTheSameDataOnEveryRunWithoutABlob() {
        byte[] first = ByteBufUtil.getBytes(new WriteData(dir).bytes(null, 100, 64));
        byte[] second = ByteBufUtil.getBytes(new WriteData(dir).bytes(null, 100, 64));
        assertThat(first).isEqualTo(second).isNotEqualTo(new byte[64]);
    }
}
