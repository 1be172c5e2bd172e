/**
 * Throughput of SMB signing and encryption (MS-SMB2 3.1.4) per algorithm, with the JDK and Bouncy
 * Castle implementations side by side where both exist, to choose the faster one per algorithm.
 */
package io.smbench.benchmarks.crypto;
