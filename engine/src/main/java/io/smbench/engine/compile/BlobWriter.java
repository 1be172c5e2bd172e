package io.smbench.engine.compile;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Saves the data of captured WRITE requests as the IR's blobs (docs/workload-ir.md, {@code
 * blob_path}): one file per write, beside the workload in {@code <workload>.blobs/<client>/<op_id>.bin},
 * named by a path relative to the workload's folder so a workload and its blobs move together. One
 * file per write, named after its operation, is what IR v1 defines, and lets an engineer find the
 * bytes any write of the capture sent.
 */
final class BlobWriter {
    private final Path workloadDir;
    private final String rootName;
    private long files;
    private long bytes;

    BlobWriter(Path workload) {
        Path absolute = workload.toAbsolutePath();
        this.workloadDir = absolute.getParent();
        String name = absolute.getFileName().toString();
        this.rootName = (name.endsWith(".json") ? name.substring(0, name.length() - 5) : name) + ".blobs";
    }

    /** Writes {@code data} as the blob of operation {@code opId}; returns its {@code blob_path}. */
    String save(String clientId, String opId, CapturedBytes data) {
        String relative = rootName + "/" + safe(clientId) + "/" + safe(opId) + ".bin";
        Path file = workloadDir.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write(data.array(), data.offset(), data.length());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write blob " + file, e);
        }
        files++;
        bytes += data.length();
        return relative;
    }

    /**
     * A client or op id as a file name: anything but letters, digits, '.', '_' and '-' becomes '_',
     * and then a hash of the id follows, so {@code LAB\alice} and {@code LAB_alice} stay apart.
     */
    private static String safe(String id) {
        String name = id.replaceAll("[^A-Za-z0-9._-]", "_");
        if (name.equals(id) && !name.isEmpty() && !name.startsWith(".")) {
            return name;
        }
        return "_" + name + "-" + Integer.toHexString(id.hashCode());
    }

    long files() {
        return files;
    }

    long bytes() {
        return bytes;
    }
}
