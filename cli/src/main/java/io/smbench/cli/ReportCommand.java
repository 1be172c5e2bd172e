package io.smbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.smbench.engine.report.ReportComparison;
import io.smbench.engine.report.ReportJson;
import io.smbench.engine.report.ReportMerger;
import io.smbench.engine.report.html.ReportPage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code smbench report}: work with replay reports (docs/report.md). */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Compare, merge or render replay reports.",
        subcommands = {ReportCommand.Compare.class, ReportCommand.Merge.class, ReportCommand.Html.class,
                ReportCommand.Timing.class})
public final class ReportCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "choose compare, merge or html");
    }

    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = "Latency percentiles and statuses of two reports side by side, per operation kind; exit 1 "
                    + "when B regresses past the thresholds.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:no regression past the thresholds", "1:a regression (listed)", "2:unreadable report"})
    static final class Compare implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "A")
        Path before;

        @Parameters(index = "1", paramLabel = "B")
        Path after;

        @Option(names = "--max-p99-increase", paramLabel = "PERCENT", defaultValue = "-1",
                description = "Fail when a kind's p99 latency grows by more than PERCENT (default: off).")
        double maxP99;

        @Option(names = "--max-error-increase", paramLabel = "N", defaultValue = "-1",
                description = "Fail when a kind's error count grows by more than N (default: off).")
        long maxErrors;

        @Override
        public Integer call() throws Exception {
            JsonNode a = ReportJson.read(before);
            JsonNode b = ReportJson.read(after);
            ReportComparison.Result result = new ReportComparison(maxP99, maxErrors).compare(a, b);
            var out = spec.commandLine().getOut();
            out.print(result.table());
            result.regressions().forEach(line -> out.println("regression: " + line));
            out.flush();
            return result.regressions().isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }

    @Command(name = "merge", mixinStandardHelpOptions = true,
            description = "Merge the reports of several shards exactly (histograms are added, not averaged).")
    static final class Merge implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "REPORT", arity = "2..*")
        List<Path> reports;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true)
        Path output;

        @Override
        public Integer call() throws Exception {
            ReportJson.write(ReportMerger.merge(reports), output);
            spec.commandLine().getOut().println("merged " + reports.size() + " reports into " + output);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "html", mixinStandardHelpOptions = true,
            description = "Render a report as one self-contained HTML page: latency percentile plots per operation "
                    + "kind, throughput over time, send lateness, and each client's operations around errors and "
                    + "breaks. No scripts, nothing fetched: the file opens offline.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:the page was written", "2:unreadable report"})
    static final class Html implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "REPORT", description = "A report written by replay --report or merge.")
        Path report;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true, description = "The HTML file.")
        Path output;

        @Override
        public Integer call() throws Exception {
            ReportPage.write(ReportJson.read(report), output);
            spec.commandLine().getOut().println("wrote " + output);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "timing", mixinStandardHelpOptions = true,
            description = "The capture's timeline against the replay's, per client, from an operation log "
                    + "(replay --op-log): send drift from the scheduled time, captured against replayed latency "
                    + "percentiles, and the operations whose latency grew most, by op_id.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:the analysis was printed", "2:unreadable operation log"})
    static final class Timing implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "OPLOG", description = "A CSV written by replay --op-log.")
        Path opLog;

        @Override
        public Integer call() {
            spec.commandLine().getOut().print(io.smbench.engine.report.TimingAnalysis.read(opLog).format());
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}
