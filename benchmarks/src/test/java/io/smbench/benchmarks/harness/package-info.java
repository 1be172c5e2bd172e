/**
 * The end-to-end comparison harness: smbench's client, smbj (test scope only, as a reference) and Samba's
 * smbclient against the same lab Samba in one run ({@link io.smbench.benchmarks.harness.ComparisonHarness}).
 * Results go to {@code docs/performance.md}.
 */
package io.smbench.benchmarks.harness;
