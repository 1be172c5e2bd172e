package io.smbench.engine.report.html;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smbench.engine.backend.CompletionSink;
import io.smbench.engine.backend.ReplayBackend;
import io.smbench.engine.ir.Operation;
import io.smbench.engine.report.ReportJson;
import io.smbench.engine.sched.ReplayOptions;
import io.smbench.engine.sched.ReplayPlan;
import io.smbench.engine.sched.ReplayResult;
import io.smbench.engine.sched.ReplayRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A real replay of the 100-client example through the scheduler, with a backend that answers at
 * once like the null backend but denies a few operations and reports an oplock break, so the
 * report has errors, incidents and a break to render. Its strings include hostile HTML, as a
 * capture could.
 */
final class TroubledReplay {
    static final String HOSTILE = "<script>alert('x')</script><img src=x onerror=alert(1)>&amp;";
    /** Operations the backend denies: one each for two clients. */
    static final Set<String> DENIED = Set.of("u009_010", "u023_012");
    /** The break comes just before this operation's answer. */
    static final String BREAK_BEFORE = "u066_010";

    private TroubledReplay() {}

    /** Replays 2.5 times slower than written (so throughput spans a few seconds) and builds the report. */
    static ObjectNode report() throws Exception {
        ReplayPlan plan = ReplayPlan.load(Path.of("..", "examples", "load-mix-100.json"));
        ReplayOptions options = new ReplayOptions(2.5, false, 0, "backoff", Duration.ofMillis(1),
                Duration.ofSeconds(5));
        ReplayResult result = new ReplayRunner(plan, new Backend(), options).run();
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("workload", "examples/load-mix-100.json " + HOSTILE);
        context.put("server", "null");
        context.put("clients", plan.clientCount());
        return ReportJson.build(result, context, List.of(), List.of("u021: Batch break on " + HOSTILE
                + " Batch -> LevelII at 12.000 ms, acknowledged immediately"), List.of());
    }

    private static final class Backend implements ReplayBackend {
        @Override
        public void open(List<String> clientIds) {}

        @Override
        public void issue(int client, int op, Operation operation, CompletionSink sink) {
            if (operation.opId().equals(BREAK_BEFORE)) {
                sink.event(client, CompletionSink.EVENT_OPLOCK_BREAK);
            }
            int status = DENIED.contains(operation.opId()) ? 0xC0000022 : 0;
            sink.complete(client, op, status, operation.number("length", 0));
        }

        @Override
        public List<String> finish(int client) {
            return List.of();
        }

        @Override
        public void close() {}

        @Override
        public String name() {
            return "troubled";
        }
    }
}
