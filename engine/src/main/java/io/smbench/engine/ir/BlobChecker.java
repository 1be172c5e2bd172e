package io.smbench.engine.ir;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks that blob files named by operations exist and are long enough. Relative paths are
 * resolved against the workload's folder (or the configured blob root) so a workload and its
 * blobs can move together; each distinct path is looked up once.
 */
final class BlobChecker {
  private final Path root;
  private final boolean enabled;
  private final Map<String, Long> sizes = new HashMap<>();

  BlobChecker(Path root, boolean enabled) {
    this.root = root;
    this.enabled = enabled;
  }

  /**
   * @param needed bytes the operation reads from the blob, or null when unknown
   */
  void check(FieldChecks fields, String field, String blobPath, Long needed) {
    if (!enabled || blobPath == null) {
      return;
    }
    Path resolved;
    try {
      resolved = root.resolve(blobPath);
    } catch (InvalidPathException e) {
      fields.error(field, "not a valid path: " + e.getReason());
      return;
    }
    long size = sizes.computeIfAbsent(blobPath, p -> sizeOf(resolved));
    if (size < 0) {
      fields.error(field, "blob file not found: " + resolved);
    } else if (needed != null && size < needed) {
      fields.error(field, "blob file " + resolved + " has " + size + " bytes, fewer than length " + needed);
    }
  }

  private static long sizeOf(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.size(file) : -1;
    } catch (java.io.IOException e) {
      return -1;
    }
  }
}
