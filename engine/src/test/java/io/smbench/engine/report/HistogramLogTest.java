package io.smbench.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.smbench.engine.ir.OperationKind;
import io.smbench.engine.metrics.ReplayMetrics;
import io.smbench.engine.sched.ReplayResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistogramLogTest {
    @TempDir
    Path dir;

    @Test
    void shouldWriteALogTheHdrHistogramReaderReadsBack() throws Exception {
        ReplayMetrics metrics = new ReplayMetrics(1_000_000);
        for (int i = 1; i <= 100; i++) {
            metrics.completed(OperationKind.Read, i * 1_000_000L, i * 2_000_000L, 0, 4096, i * 10_000_000L);
        }
        metrics.issued(5_000_000);
        ReplayResult result = new ReplayResult("null", Instant.ofEpochMilli(1_700_000_000_000L), 1_000_000_000L, 100,
                100, 0, List.of(), List.of(), List.of(), "completed", metrics);
        Path file = dir.resolve("latency.hlog");
        HistogramLog.write(result, file);

        List<Histogram> read = new ArrayList<>();
        HistogramLogReader reader = new HistogramLogReader(file.toFile());
        EncodableHistogram next;
        while ((next = reader.nextIntervalHistogram()) != null) {
            read.add((Histogram) next);
        }
        assertThat(read).extracting(Histogram::getTag).containsExactly("Read", "Read.from_scheduled", "lateness");
        assertThat(read.get(0).getTotalCount()).isEqualTo(100);
        assertThat(read.get(0).getValueAtPercentile(50)).isBetween(49_900L, 50_100L);
        assertThat(read.get(1).getMaxValue()).isBetween(199_900L, 200_100L);
        assertThat(read.get(2).getMaxValue()).isBetween(4_990L, 5_010L);
    }
}
