package io.smbench.benchmarks.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.smbench.lab.SambaLab;
import io.smbench.lab.SambaTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link ComparisonHarness} against the class's lab Samba. By default a sanity run for CI (1 and 4
 * clients, 40 operations, 8 MiB transfers, every byte checked) that asserts completeness, never speed. With
 * {@code -Dharness.full=true} the full run (1, 16, 64 clients, 1 GiB) whose results replace the generated
 * section of {@code docs/performance.md}; {@code -Dharness.args="--size 256m ..."} overrides options.
 */
@SambaTest
class ComparisonHarnessTest {
    @Test
    void shouldCompleteEveryOperationAndTransferEveryByteWithEveryClient(SambaLab lab) throws Exception {
        boolean full = Boolean.getBoolean("harness.full");
        List<String> args = new ArrayList<>();
        Path doc = Path.of("..", "docs", "performance.md");
        if (full && Files.exists(doc)) {
            args.addAll(List.of("--doc", doc.toString()));
        }
        String extra = System.getProperty("harness.args", "").trim();
        if (!extra.isEmpty()) {
            args.addAll(List.of(extra.split("\\s+")));
        }
        if (!SmbclientRunner.available()) {
            System.out.println("smbclient not installed: comparing smbench and smbj only");
            args.addAll(List.of("--libs", "smbench,smbj"));
        }
        HarnessOptions options = HarnessOptions.parse(full ? HarnessOptions.full() : HarnessOptions.ci(),
                args.toArray(String[]::new));

        List<Measurement> results = ComparisonHarness.run(options, ComparisonHarness.target(lab), System.out);

        List<String> smallLibraries = new ArrayList<>(List.of("smbench", "smbj", "smbclient"));
        smallLibraries.retainAll(options.libraries());
        for (int clients : options.clients()) {
            long expectedOps = (long) Math.max(1, options.ops() / clients) * clients;
            for (ComparisonHarness.Workload w : ComparisonHarness.Workload.values()) {
                for (String library : smallLibraries) {
                    assertThat(results).as("%s %s with %d clients", library, w.label(), clients)
                            .filteredOn(m -> m.library().equals(library) && m.workload().equals(w.label())
                                    && m.clients() == clients)
                            .singleElement()
                            .satisfies(m -> {
                                assertThat(m.ops()).isEqualTo(expectedOps);
                                assertThat(m.wallNanos()).isPositive();
                                if (!library.equals("smbclient")) {
                                    // Measured (not -1); it may be 0: process CPU time advances in clock
                                    // ticks (10 ms here) and a CI-sized run of 10 stats can fit in one.
                                    assertThat(m.cpuNanos()).isNotNegative();
                                }
                            });
                }
            }
        }
        List<String> transferLibraries = new ArrayList<>();
        if (options.libraries().contains("smbench")) {
            options.depths().forEach(d -> transferLibraries.add(d == 1 ? "smbench" : "smbench-d" + d));
        }
        options.libraries().stream().filter(l -> !l.equals("smbench")).forEach(transferLibraries::add);
        for (Security security : Security.values()) {
            for (String library : transferLibraries) {
                for (String direction : List.of("write", "read")) {
                    assertThat(results).as("%s %s %s", library, direction, security)
                            .filteredOn(m -> m.library().equals(library) && m.workload().equals(direction)
                                    && m.mode().equals(security.label()))
                            .singleElement()
                            .satisfies(m -> assertThat(m.bytes()).isEqualTo(options.transferBytes()));
                }
            }
        }
        assertThat(results).hasSize(options.clients().size() * 3 * smallLibraries.size()
                + Security.values().length * transferLibraries.size() * 2);
    }
}
