package io.smbench.engine.report.html;

import org.HdrHistogram.Histogram;

/**
 * A latency distribution as HdrHistogram plots it: the x axis is {@code log10(1 / (1 - p))} (0 at
 * the 0th percentile, 1 at 90%, 2 at 99%, 3 at 99.9%, 4 at 99.99%), so the tail gets as much room
 * as the body; y is the value at that percentile, read from the report's encoded histogram.
 */
final class PercentileCurve {
    /** The axis ends at 99.99%: four nines. */
    static final double MAX_NINES = 4;
    private static final int POINTS = 200;

    private final Histogram histogram;

    PercentileCurve(Histogram histogram) {
        this.histogram = histogram;
    }

    /** The value (microseconds) at {@code percentile} (0..100), as HdrHistogram reports it. */
    long valueAt(double percentile) {
        return histogram.getValueAtPercentile(percentile);
    }

    long count() {
        return histogram.getTotalCount();
    }

    long max() {
        return histogram.getMaxValue();
    }

    /** x positions, in nines, from 0 to {@link #MAX_NINES}. */
    static double[] nines() {
        double[] xs = new double[POINTS + 1];
        for (int i = 0; i <= POINTS; i++) {
            xs[i] = MAX_NINES * i / POINTS;
        }
        return xs;
    }

    /** The percentile at {@code nines} on the axis: 1 → 90, 2 → 99. */
    static double percentileAt(double nines) {
        return 100 * (1 - Math.pow(10, -nines));
    }

    /** The value at each of {@link #nines()}. */
    double[] values() {
        double[] xs = nines();
        double[] ys = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            ys[i] = valueAt(percentileAt(xs[i]));
        }
        return ys;
    }
}
