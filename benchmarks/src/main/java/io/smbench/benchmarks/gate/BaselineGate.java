package io.smbench.benchmarks.gate;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares a JMH run with a saved baseline, benchmark by benchmark (name, mode and params), and fails when one
 * regressed:
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar io.smbench.benchmarks.gate.BaselineGate \
 *     benchmarks/baseline/baseline.json current.json --max-regression 10
 * }</pre>
 *
 * <p>A benchmark regressed when it got worse (throughput: lower; average, sample and single-shot time:
 * higher) by more than {@code --max-regression} percent of the baseline <em>and</em> by more than the two
 * results' error margins added together, so noise inside the confidence intervals never fails the gate.
 *
 * <p>Exit status: 0 no regression; 1 at least one regression; 2 unreadable input, bad arguments, or a
 * benchmark whose unit changed (not comparable). Benchmarks only in one file are listed, not failed.
 */
public final class BaselineGate {
    /** Exit status: no regression. */
    public static final int OK = 0;
    /** Exit status: at least one benchmark regressed. */
    public static final int REGRESSION = 1;
    /** Exit status: unreadable input or bad arguments. */
    public static final int BAD_INPUT = 2;

    private BaselineGate() {}

    /** What became of one benchmark. */
    public enum Verdict { SAME, BETTER, WORSE_WITHIN_NOISE, REGRESSION, NEW, MISSING, UNIT_CHANGED }

    /**
     * One row of the comparison.
     *
     * @param label short benchmark name with params
     * @param baseline the baseline result, null when the benchmark is new
     * @param current the current result, null when it is missing from the run
     * @param changePercent signed change of the score relative to the baseline (NaN when not comparable)
     * @param verdict the outcome
     */
    public record Row(String label, JmhResult baseline, JmhResult current, double changePercent, Verdict verdict) {}

    /**
     * Compares two result lists.
     *
     * @param baseline the saved results
     * @param current the new results
     * @param maxRegressionPercent how much worse than the baseline, in percent, is still accepted
     * @return one row per benchmark: baseline order, then benchmarks new in the current run
     */
    public static List<Row> compare(List<JmhResult> baseline, List<JmhResult> current, double maxRegressionPercent) {
        Map<String, JmhResult> now = new LinkedHashMap<>();
        current.forEach(r -> now.put(r.key(), r));
        List<Row> rows = new ArrayList<>();
        for (JmhResult before : baseline) {
            JmhResult after = now.remove(before.key());
            if (after == null) {
                rows.add(new Row(before.label(), before, null, Double.NaN, Verdict.MISSING));
            } else {
                rows.add(judge(before, after, maxRegressionPercent));
            }
        }
        now.values().forEach(r -> rows.add(new Row(r.label(), null, r, Double.NaN, Verdict.NEW)));
        return rows;
    }

    static Row judge(JmhResult before, JmhResult after, double maxRegressionPercent) {
        if (!before.unit().equals(after.unit())) {
            return new Row(before.label(), before, after, Double.NaN, Verdict.UNIT_CHANGED);
        }
        double change = before.score() == 0 ? (after.score() == 0 ? 0 : Double.POSITIVE_INFINITY)
                : (after.score() - before.score()) / Math.abs(before.score()) * 100;
        double worseBy = before.higherIsBetter() ? before.score() - after.score() : after.score() - before.score();
        double worsePercent = before.higherIsBetter() ? -change : change;
        Verdict verdict;
        if (worseBy <= 0) {
            verdict = worseBy == 0 ? Verdict.SAME : Verdict.BETTER;
        } else if (worsePercent > maxRegressionPercent && worseBy > before.error() + after.error()) {
            verdict = Verdict.REGRESSION;
        } else {
            verdict = Verdict.WORSE_WITHIN_NOISE;
        }
        return new Row(before.label(), before, after, change, verdict);
    }

    /**
     * Prints the side-by-side table.
     *
     * @param rows the comparison
     * @param maxRegressionPercent the threshold, shown in the summary line
     * @param out where to print
     */
    public static void print(List<Row> rows, double maxRegressionPercent, PrintStream out) {
        int width = Math.max("benchmark".length(), rows.stream().mapToInt(r -> r.label().length()).max().orElse(0));
        String format = "%-" + width + "s  %-5s  %14s  %10s  %14s  %10s  %-8s  %9s  %s%n";
        out.printf(Locale.ROOT, format, "benchmark", "mode", "baseline", "± error", "current", "± error", "unit",
                "change", "verdict");
        for (Row r : rows) {
            JmhResult any = r.baseline() != null ? r.baseline() : r.current();
            out.printf(Locale.ROOT, format, r.label(), any.mode(),
                    r.baseline() == null ? "-" : num(r.baseline().score()),
                    r.baseline() == null ? "" : num(r.baseline().error()),
                    r.current() == null ? "-" : num(r.current().score()),
                    r.current() == null ? "" : num(r.current().error()),
                    r.current() != null && r.baseline() != null && !r.current().unit().equals(r.baseline().unit())
                            ? r.baseline().unit() + "->" + r.current().unit() : any.unit(),
                    Double.isNaN(r.changePercent()) ? "" : String.format(Locale.ROOT, "%+.1f%%", r.changePercent()),
                    r.verdict().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        long regressions = rows.stream().filter(r -> r.verdict() == Verdict.REGRESSION).count();
        out.printf(Locale.ROOT, "%d benchmark(s) compared, %d regression(s) beyond %s%% and the error margins%n",
                rows.stream().filter(r -> r.baseline() != null && r.current() != null).count(), regressions,
                java.math.BigDecimal.valueOf(maxRegressionPercent).stripTrailingZeros().toPlainString());
    }

    private static String num(double v) {
        if (Double.isInfinite(v)) {
            return "inf";
        }
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 1000 ? "%,.0f" : a >= 10 ? "%.2f" : "%.3f", v);
    }

    /**
     * Runs the gate.
     *
     * @param args {@code BASELINE.json CURRENT.json [--max-regression PERCENT]}
     * @param out the table
     * @param err problems
     * @return the exit status ({@link #OK}, {@link #REGRESSION}, {@link #BAD_INPUT})
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> files = new ArrayList<>();
        double threshold = 10;
        for (int i = 0; i < args.length; i++) {
            if ("--max-regression".equals(args[i]) && i + 1 < args.length) {
                try {
                    threshold = Double.parseDouble(args[++i]);
                } catch (NumberFormatException e) {
                    threshold = Double.NaN;
                }
                if (!(threshold >= 0)) {
                    err.println("--max-regression takes a percentage >= 0, not " + args[i]);
                    return BAD_INPUT;
                }
            } else if (args[i].startsWith("-")) {
                err.println("unknown option " + args[i]);
                return usage(err);
            } else {
                files.add(args[i]);
            }
        }
        if (files.size() != 2) {
            return usage(err);
        }
        List<JmhResult> baseline;
        List<JmhResult> current;
        try {
            baseline = JmhResult.read(Path.of(files.get(0)));
            current = JmhResult.read(Path.of(files.get(1)));
        } catch (IOException | RuntimeException e) {
            err.println("cannot read JMH results: " + e.getMessage());
            return BAD_INPUT;
        }
        List<Row> rows = compare(baseline, current, threshold);
        print(rows, threshold, out);
        if (rows.stream().anyMatch(r -> r.verdict() == Verdict.UNIT_CHANGED)) {
            err.println("a benchmark's unit changed: run with the baseline's units (-tu) or save a new baseline");
            return BAD_INPUT;
        }
        return rows.stream().anyMatch(r -> r.verdict() == Verdict.REGRESSION) ? REGRESSION : OK;
    }

    private static int usage(PrintStream err) {
        err.println("usage: BaselineGate BASELINE.json CURRENT.json [--max-regression PERCENT]  (default 10)");
        return BAD_INPUT;
    }

    /**
     * Command-line entry point; exits with {@link #run}'s status.
     *
     * @param args see {@link #run}
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }
}
