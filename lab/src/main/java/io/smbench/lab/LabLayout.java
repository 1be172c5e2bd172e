package io.smbench.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/**
 * The folders and files of one instance under its base folder: config, Samba's private/lock/state/cache/pid/
 * ncalrpc folders, logs and the three share folders.
 */
final class LabLayout {
    /** Share name to folder name under the base folder. */
    static final Map<String, String> SHARES = Map.of("open", "share", "signed", "signed", "encrypted", "enc");

    private static final List<String> STATE_DIRS =
            List.of("private", "lock", "state", "cache", "pid", "log", "ncalrpc", "bind-dns");

    private final Path base;

    LabLayout(Path base) {
        this.base = base.toAbsolutePath().normalize();
    }

    Path base() {
        return base;
    }

    Path configFile() {
        return base.resolve("smb.conf");
    }

    Path logDir() {
        return base.resolve("log");
    }

    Path pidDir() {
        return base.resolve("pid");
    }

    Path credentialsFile() {
        return base.resolve("credentials");
    }

    Path dir(String name) {
        return base.resolve(name);
    }

    /**
     * @param share "open", "signed" or "encrypted"
     * @return the share's folder
     */
    Path shareDir(String share) {
        String dir = SHARES.get(share);
        if (dir == null) {
            throw new IllegalArgumentException("unknown share " + share + ", known: " + SHARES.keySet());
        }
        return base.resolve(dir);
    }

    /** Creates every folder; the base and the share folders are 0755 so the SMB user can traverse them. */
    void create() throws IOException {
        Files.createDirectories(base);
        chmod(base, "rwxr-xr-x");
        for (String d : STATE_DIRS) {
            Files.createDirectories(base.resolve(d));
        }
        chmod(base.resolve("ncalrpc"), "rwxr-xr-x");
        for (String d : SHARES.values()) {
            Files.createDirectories(base.resolve(d));
            chmod(base.resolve(d), "rwxr-xr-x");
        }
    }

    /**
     * As root, checks that the SMB user can reach the share folders: every parent of the base folder must be
     * searchable by others (a {@code mktemp -d} or JUnit {@code @TempDir} parent is 0700).
     *
     * @throws IllegalStateException naming the first parent to {@code chmod o+x}
     */
    void checkTraversable() throws IOException {
        for (Path p = base.getParent(); p != null; p = p.getParent()) {
            if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                throw new IllegalStateException("the SMB user cannot reach the shares under " + base + ": parent "
                        + p + " is not searchable by others (chmod o+x " + p + ", or choose another folder)");
            }
        }
    }

    static void chmod(Path p, String perms) throws IOException {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
    }
}
