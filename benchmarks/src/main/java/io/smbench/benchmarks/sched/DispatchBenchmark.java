package io.smbench.benchmarks.sched;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smbench.engine.backend.NullBackend;
import io.smbench.engine.ir.Operation;
import io.smbench.engine.metrics.ReplayMetrics;
import io.smbench.engine.sched.ReplayConductor;
import io.smbench.engine.sched.ReplayOptions;
import io.smbench.engine.sched.ReplayPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.SystemNanoClock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Dispatch rate of the replay conductor with the null backend, as fast as possible: each
 * invocation replays {@value #OPS} operations over {@code clients} clients on the calling thread
 * (onStart, then doWork until done). Reported per operation; with {@code -prof gc},
 * gc.alloc.rate.norm is the bytes allocated per operation, which includes the conductor's
 * per-replay setup (arrays, ring buffer) spread over the operations.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"})
public class DispatchBenchmark {
    static final int OPS = 1_000_000;

    @Param({"1000", "5000"})
    public int clients;

    private ReplayPlan plan;
    private final NullBackend backend = new NullBackend();
    private final ReplayOptions options = new ReplayOptions(1, true, 0, "busy-spin", Duration.ofMillis(1),
            Duration.ofSeconds(1));

    @Setup
    public void setUp() {
        ObjectMapper json = new ObjectMapper();
        Map<String, List<Operation>> byClient = new LinkedHashMap<>();
        for (int i = 0; i < OPS; i++) {
            String client = "c" + (i % clients);
            var node = json.createObjectNode().put("op_id", "op" + i).put("client_id", client).put("timestamp_us", i)
                    .put("operation", "Read").put("handle_ref", "h").put("offset", 0).put("length", 4096);
            byClient.computeIfAbsent(client, c -> new ArrayList<>()).add(Operation.of(node, "op" + i));
        }
        plan = ReplayPlan.of(byClient);
    }

    /**
     * The per-replay setup alone (conductor arrays, expected-status table, histograms), spread over
     * the same operation count: replay's allocation minus this one is what the hot path allocates.
     */
    @Benchmark
    @OperationsPerInvocation(OPS)
    public Object setupOnly() {
        return new ReplayConductor(plan, backend, options, SystemNanoClock.INSTANCE, new ReplayMetrics(1_000_000));
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public long replay() {
        ReplayConductor conductor = new ReplayConductor(plan, backend, options, SystemNanoClock.INSTANCE,
                new ReplayMetrics(1_000_000));
        conductor.onStart();
        while (!conductor.isDone()) {
            conductor.doWork();
        }
        return conductor.completed();
    }
}
