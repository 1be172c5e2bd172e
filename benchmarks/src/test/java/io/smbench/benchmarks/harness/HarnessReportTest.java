package io.smbench.benchmarks.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarnessReportTest {
    private static Measurement small(String library, long ops, double seconds, long cpuNanos) {
        return new Measurement(library, "stat", "unsigned", 16, ops, 0, (long) (seconds * 1e9), cpuNanos, 0.5);
    }

    @Test
    void shouldGiveThroughputRatiosAgainstSmbjAndSmbclientAndCpuPerOperation() {
        String table = HarnessReport.tables(List.of(
                small("smbench", 3000, 1.0, 600_000_000L),   // 3,000 ops/s, 200 µs per op
                small("smbj", 1000, 1.0, 500_000_000L),      // 1,000 ops/s, 500 µs per op
                small("smbclient", 1000, 2.0, -1)));         //   500 ops/s, CPU unknown

        assertThat(table).contains("| stat | 16 | smbench | 3,000 | 200 | 3.00 | 6.00 | 0.5 |");
        assertThat(table).contains("| stat | 16 | smbj | 1,000 | 500 | 1.00 | 2.00 | 0.5 |");
        assertThat(table).contains("| stat | 16 | smbclient | 500 | n/a | 0.50 | 1.00 | 0.5 |");
    }

    @Test
    void shouldReportTransfersInMegabytesPerSecondAndCpuPerMebibyte() {
        long gib = 1L << 30;
        String table = HarnessReport.tables(List.of(
                new Measurement("smbench", "write", "encrypted", 1, 1024, gib, 2_000_000_000L, 1_024_000_000L, 1.0),
                new Measurement("smbj", "write", "encrypted", 1, 1024, gib, 4_000_000_000L, 2_048_000_000L, 1.0)));

        // 1 GiB in 2 s = 536.9 MB/s; 1.024 s of CPU over 1024 MiB = 1 ms per MiB
        assertThat(table).contains("| write 1 GiB | encrypted | smbench | 536.9 | 1.00 | 2.00 | — | 1.0 |");
        assertThat(table).contains("| write 1 GiB | encrypted | smbj | 268.4 | 2.00 | 1.00 | — | 1.0 |");
    }

    @Test
    void shouldReplaceOnlyTheGeneratedSection(@TempDir Path dir) throws Exception {
        Path doc = dir.resolve("performance.md");
        Files.writeString(doc, "# Performance\n\nkept above\n\n" + HarnessReport.BEGIN + "\nold figures\n"
                + HarnessReport.END + "\n\nkept below\n");

        HarnessReport.writeSection(doc, "Date: today.", HarnessOptions.ci(), "| new table |\n");

        String text = Files.readString(doc);
        assertThat(text).startsWith("# Performance\n\nkept above\n\n" + HarnessReport.BEGIN)
                .contains("Date: today.", "| new table |").doesNotContain("old figures")
                .endsWith(HarnessReport.END + "\n\nkept below\n");
    }

    @Test
    void shouldParseSizesAndOptions() {
        HarnessOptions o = HarnessOptions.parse(HarnessOptions.full(), "--clients", "1,4", "--size", "256m",
                "--io-size", "64k", "--libs", "smbench,smbj");

        assertThat(o.clients()).containsExactly(1, 4);
        assertThat(o.transferBytes()).isEqualTo(256L << 20);
        assertThat(o.ioSize()).isEqualTo(64 << 10);
        assertThat(o.libraries()).containsExactly("smbench", "smbj");
        assertThat(o.depths()).containsExactly(1, 4);
    }
}
