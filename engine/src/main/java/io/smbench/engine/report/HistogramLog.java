package io.smbench.engine.report;

import io.smbench.engine.ir.OperationKind;
import io.smbench.engine.metrics.KindMetrics;
import io.smbench.engine.sched.ReplayResult;
import java.io.FileNotFoundException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Writes the replay's latency histograms as an HdrHistogram interval log (readable by
 * HistogramLogProcessor and the usual HdrHistogram tools): one interval covering the replay, one
 * histogram per operation kind tagged with its name, plus "<Kind>.from_scheduled" and "lateness".
 * Values are microseconds.
 */
public final class HistogramLog {
    private HistogramLog() {}

    public static void write(ReplayResult result, Path file) throws FileNotFoundException {
        long startMillis = result.startedAt().toEpochMilli();
        long endMillis = startMillis + result.elapsedNanos() / 1_000_000;
        try (PrintStream out = new PrintStream(file.toFile())) {
            HistogramLogWriter writer = new HistogramLogWriter(out);
            writer.outputComment("smbench replay latencies in microseconds, one tag per operation kind");
            writer.outputLogFormatVersion();
            writer.outputStartTime(startMillis);
            writer.setBaseTime(startMillis);
            writer.outputLegend();
            for (OperationKind kind : OperationKind.values()) {
                KindMetrics metrics = result.metrics().kind(kind);
                if (metrics.count() > 0) {
                    writeTagged(writer, metrics.latency(), kind.name(), startMillis, endMillis);
                    writeTagged(writer, metrics.latencyFromScheduled(), kind.name() + ".from_scheduled", startMillis,
                            endMillis);
                }
            }
            writeTagged(writer, result.metrics().lateness(), "lateness", startMillis, endMillis);
        }
    }

    private static void writeTagged(HistogramLogWriter writer, Histogram source, String tag, long start, long end) {
        Histogram copy = source.copy();
        copy.setTag(tag);
        copy.setStartTimeStamp(start);
        copy.setEndTimeStamp(end);
        writer.outputIntervalHistogram(copy);
    }
}
