package io.smbench.engine.backend;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes a Write sends: from its {@code blob_path} (relative paths against the workload's
 * folder), or deterministic generated data, the same on every run, so two replays write the same
 * content. Blobs are kept in memory once read, up to {@link #CACHE_BYTES} in all; past that they are
 * read from disk at each use, so a workload compiled with {@code --extract-data} (one blob per
 * captured write, as much data as the capture wrote) replays within a bounded heap.
 */
final class WriteData {
    private static final int PATTERN = 1 << 20;
    private static final ByteBuf GENERATED;
    /** Blob bytes kept in memory; more blobs than this are read at each use. */
    static final long CACHE_BYTES = 256L << 20;

    static {
        byte[] pattern = new byte[PATTERN];
        new Random(0x5B_E4C4L).nextBytes(pattern);
        GENERATED = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(pattern));
    }

    private final Path baseDir;
    private final ConcurrentHashMap<Path, ByteBuf> blobs = new ConcurrentHashMap<>();
    private final AtomicLong cachedBytes = new AtomicLong();

    WriteData(Path baseDir) {
        this.baseDir = baseDir;
    }

    /**
     * {@code length} bytes for a write; the buffer is a view, never released by the caller. A blob
     * shorter than {@code length} fails the write rather than sending fewer bytes than captured.
     */
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
        ByteBuf blob = blob(blobPath);
        if (blob.readableBytes() < length) {
            throw new IllegalStateException("blob " + resolve(blobPath) + " has " + blob.readableBytes()
                    + " bytes, fewer than the write's length " + length);
        }
        return blob.slice(0, length);
    }

    /** The whole blob (input_blob of Fsctl, Ioctl, SetInfo). */
    ByteBuf whole(String blobPath) {
        return blob(blobPath).slice();
    }

    private ByteBuf blob(String blobPath) {
        Path resolved = resolve(blobPath);
        ByteBuf cached = blobs.get(resolved);
        if (cached != null) {
            return cached;
        }
        ByteBuf read;
        try {
            read = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(Files.readAllBytes(resolved)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read blob " + resolved, e);
        }
        if (cachedBytes.addAndGet(read.readableBytes()) <= CACHE_BYTES) {
            ByteBuf raced = blobs.putIfAbsent(resolved, read);
            if (raced != null) {
                cachedBytes.addAndGet(-read.readableBytes());
                return raced;
            }
        } else {
            cachedBytes.addAndGet(-read.readableBytes());
        }
        return read;
    }

    private Path resolve(String blobPath) {
        Path path = Path.of(blobPath);
        return path.isAbsolute() ? path : baseDir.resolve(path);
    }
}
