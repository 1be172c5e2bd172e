package io.smbench.engine.ir;

import java.nio.file.Path;

/**
 * How {@link WorkloadValidator} treats things outside the document itself.
 *
 * @param blobRoot folder that relative {@code blob_path} and {@code input_blob} values are
 *     resolved against; null means the workload file's folder. Absolute paths are used as written.
 * @param checkBlobs false to skip checking that blob files exist (e.g. validating on a machine
 *     other than the one that will replay)
 * @param maxIssues errors (and, separately, warnings) kept before the rest are only counted, so a
 *     badly broken file of millions of operations cannot exhaust memory
 */
public record ValidationOptions(Path blobRoot, boolean checkBlobs, int maxIssues) {

  /** @return blobs resolved against the workload's folder and checked, 10,000 issues kept */
  public static ValidationOptions defaults() {
    return new ValidationOptions(null, true, 10_000);
  }

  /** @return these options with relative blob paths resolved against {@code root} */
  public ValidationOptions withBlobRoot(Path root) {
    return new ValidationOptions(root, checkBlobs, maxIssues);
  }

  /** @return these options without blob existence checks */
  public ValidationOptions withoutBlobChecks() {
    return new ValidationOptions(blobRoot, false, maxIssues);
  }
}
