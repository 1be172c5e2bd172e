package io.smbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.smbench.engine.backend.NullBackend;
import io.smbench.engine.report.ReportJson;
import io.smbench.engine.sched.ReplayOptions;
import io.smbench.engine.sched.ReplayPlan;
import io.smbench.engine.sched.ReplayRunner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = Smbench.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private Path report() throws Exception {
        ReplayOptions fast = new ReplayOptions(1, true, 0, "backoff", Duration.ofMillis(1), Duration.ofSeconds(5));
        var result = new ReplayRunner(ReplayPlan.load(Path.of("..", "examples", "load-mix-100.json")),
                new NullBackend(), fast).run();
        Path file = dir.resolve("run.json");
        ReportJson.write(ReportJson.build(result, Map.of("workload", "load-mix-100.json"), List.of(), List.of()), file);
        return file;
    }

    @Test
    void shouldWriteTheHtmlPageOfAReport() throws Exception {
        Path page = dir.resolve("pages").resolve("report.html");
        int code = run("report", "html", report().toString(), "-o", page.toString());
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("wrote " + page);
        String html = Files.readString(page);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<title>smbench report: load-mix-100.json</title>")
                .contains("<section class=\"kind\" data-kind=\"Open\">").contains("<svg class=\"chart\"")
                .doesNotContain("<script");
    }

    @Test
    void shouldPrintTheTimingAnalysisOfAnOperationLog() throws Exception {
        ReplayOptions fast = new ReplayOptions(1, true, 0, "backoff", Duration.ofMillis(1), Duration.ofSeconds(5));
        ReplayRunner runner = new ReplayRunner(ReplayPlan.load(Path.of("..", "examples", "load-mix-100.json")),
                new NullBackend(), fast);
        runner.recordOperations(true);
        runner.run();
        Path log = dir.resolve("ops.csv");
        runner.operationLog().write(log);
        assertThat(Files.readAllLines(log)).hasSize(3239 + 1);
        assertThat(run("report", "timing", log.toString())).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("send drift").contains("all clients").contains("u001");
        Files.writeString(log, "not,an,operation,log\n");
        assertThat(run("report", "timing", log.toString())).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("ops.csv: line 1: expected the operation log header");
    }

    @Test
    void shouldExitTwoNamingTheFileAndWhatIsWrong() throws Exception {
        Path page = dir.resolve("report.html");
        Path missing = dir.resolve("missing.json");
        assertThat(run("report", "html", missing.toString(), "-o", page.toString())).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("error: " + missing + ": no such report file");

        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"report_version\": 1,\n \"run\": {");
        assertThat(run("report", "html", broken.toString(), "-o", page.toString())).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("error: " + broken + ": not JSON at line 2");

        Path array = Files.writeString(dir.resolve("array.json"), "[1, 2]");
        assertThat(run("report", "html", array.toString(), "-o", page.toString())).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("error: " + array + ": expected a replay report (a JSON object, "
                + "docs/report.md), found a JSON array");

        Path workload = Path.of("..", "examples", "quickstart.json");
        assertThat(run("report", "html", workload.toString(), "-o", page.toString()))
                .isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("error: " + workload + ": report_version is missing; expected 1 or later");
        assertThat(page).doesNotExist();

        assertThat(run("report", "compare", array.toString(), report().toString()))
                .as("compare's documented exit code for an unreadable report").isEqualTo(ExitCodes.INVALID_INPUT);
    }
}
