package io.smbench.engine.backend;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bytes a Write sends: from its {@code blob_path} (relative paths against the workload's
 * folder), or deterministic generated data, the same on every run, so two replays write the same
 * content. Blobs are read once and kept.
 */
final class WriteData {
    private static final int PATTERN = 1 << 20;
    private static final ByteBuf GENERATED;

    static {
        byte[] pattern = new byte[PATTERN];
        new Random(0x5B_E4C4L).nextBytes(pattern);
        GENERATED = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(pattern));
    }

    private final Path baseDir;
    private final ConcurrentHashMap<Path, ByteBuf> blobs = new ConcurrentHashMap<>();

    WriteData(Path baseDir) {
        this.baseDir = baseDir;
    }

    /** {@code length} bytes for a write; the buffer is a view, never released by the caller. */
    ByteBuf bytes(String blobPath, long offset, int length) {
        if (blobPath == null) {
            if (length <= PATTERN) {
                return GENERATED.slice((int) (Math.floorMod(offset, (long) PATTERN - length + 1)), length);
            }
            ByteBuf big = Unpooled.buffer(length);
            for (int at = 0; at < length; at += PATTERN) {
                big.writeBytes(GENERATED, 0, Math.min(PATTERN, length - at));
            }
            return big;
        }
        Path path = Path.of(blobPath);
        Path resolved = path.isAbsolute() ? path : baseDir.resolve(path);
        ByteBuf blob = blobs.computeIfAbsent(resolved, p -> {
            try {
                return Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(Files.readAllBytes(p)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read blob " + p, e);
            }
        });
        return blob.slice(0, Math.min(length, blob.readableBytes()));
    }
}
