package io.smbench.benchmarks.harness;

/**
 * One measured run: a library doing one workload with some clients, timed on the wall clock, with the client
 * CPU time it used (in-process: the JVM's process CPU time delta; smbclient: user + system time of its
 * processes from {@code /usr/bin/time}; negative when unknown).
 *
 * @param library client library
 * @param workload {@code create+close}, {@code stat}, {@code list}, {@code write} or {@code read}
 * @param mode {@code unsigned}, {@code signed} or {@code encrypted}
 * @param clients concurrent clients (connections + sessions)
 * @param ops operations completed (for transfers: READ/WRITE requests of the I/O size)
 * @param bytes bytes transferred (0 for small operations)
 * @param wallNanos wall-clock time of the whole run
 * @param cpuNanos client CPU time, or -1 when unknown
 * @param load1 the 1-minute load average just before the run
 */
record Measurement(String library, String workload, String mode, int clients, long ops, long bytes, long wallNanos,
        long cpuNanos, double load1) {

    /** @return operations per second */
    double opsPerSecond() {
        return ops / (wallNanos / 1e9);
    }

    /** @return MB/s (10^6 bytes per second) */
    double megabytesPerSecond() {
        return bytes / 1e6 / (wallNanos / 1e9);
    }

    /** @return client CPU microseconds per operation, NaN when unknown */
    double cpuMicrosPerOp() {
        return cpuNanos < 0 ? Double.NaN : cpuNanos / 1e3 / ops;
    }

    /** @return client CPU milliseconds per MiB transferred, NaN when unknown */
    double cpuMillisPerMib() {
        return cpuNanos < 0 || bytes == 0 ? Double.NaN : cpuNanos / 1e6 / (bytes / 1048576.0);
    }

    /** @return true for a sequential transfer */
    boolean isTransfer() {
        return bytes > 0;
    }
}
