package io.smbench.benchmarks.harness;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** The machine the harness runs on: CPU time, load average, and a description for the report. */
final class Environment {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private Environment() {}

    /** @return CPU time used by this JVM (all threads, JIT and GC included), in nanoseconds */
    static long processCpuNanos() {
        return OS.getProcessCpuTime();
    }

    /** @return the 1-minute load average ({@code /proc/loadavg}, else the JVM's), NaN when unknown */
    static double load1() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).trim().split(" ");
            return Double.parseDouble(fields[0]);
        } catch (IOException | RuntimeException e) {
            double load = OS.getSystemLoadAverage();
            return load < 0 ? Double.NaN : load;
        }
    }

    /**
     * Waits, polling every 30 s, until the 1-minute load average is below {@code threshold}, at most
     * {@code maxWaitSeconds}; then returns whatever the load is (the caller measures anyway and reports it).
     *
     * @return the load average when measuring starts
     */
    static double waitForQuiet(double threshold, int maxWaitSeconds, PrintStream out) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxWaitSeconds);
        double load = load1();
        while (!(load < threshold) && System.nanoTime() < deadline) {
            out.printf(Locale.ROOT, "load average %.2f >= %.1f: waiting 30 s for a quieter machine%n", load,
                    threshold);
            Thread.sleep(30_000);
            load = load1();
        }
        return load;
    }

    /** @return date, cores, CPU model, JDK, Samba and smbclient versions, load averages, server */
    static String describe(Target target) {
        return "Date: " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME.withLocale(Locale.ROOT))
                + "; machine: " + Runtime.getRuntime().availableProcessors() + " cores (" + cpuModel() + ")"
                + ", shared with other developers' builds and load tests"
                + "; JDK " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + "; Samba " + version("smbd") + " (server), smbclient " + version("smbclient")
                + "; server " + target.host() + ":" + target.port() + " on the same machine"
                + "; load average at start " + loadAverages() + ".";
    }

    /** @return the three load averages as in {@code uptime} */
    static String loadAverages() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).trim().split(" ");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return "unknown CPU";
    }

    private static String version(String tool) {
        for (String candidate : List.of(tool, "/usr/sbin/" + tool, "/usr/bin/" + tool)) {
            try {
                Process p = new ProcessBuilder(candidate, "--version").redirectErrorStream(true).start();
                String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return text.replace("Version ", "");
                }
            } catch (IOException e) {
                // try the next location
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return "unknown";
    }
}
