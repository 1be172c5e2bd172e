package io.smbench.benchmarks.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Samba's smbclient as a subprocess: {@code smbclient //HOST/SHARE -p PORT -A AUTHFILE -m SMB3_11
 * --client-protection=off|sign|encrypt}, commands on standard input. Every timing is the whole process (start,
 * connect, negotiate, session setup, tree connect, the commands, exit): nothing is subtracted. CPU time is the
 * processes' user + system time reported by {@code /usr/bin/time}. The password only travels in the 0600
 * authentication file.
 */
final class SmbclientRunner {
    private static final Pattern GOT = Pattern.compile("getting file \\S+ of size (\\d+) as");
    private static final Path TIME = Path.of("/usr/bin/time");

    private final Target target;
    private final Path work;

    SmbclientRunner(Target target, Path work) {
        this.target = target;
        this.work = work;
    }

    /** @return true when smbclient is on the PATH (or in /usr/bin) */
    static boolean available() {
        if (Files.isExecutable(Path.of("/usr/bin/smbclient"))) {
            return true;
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(":")) {
                if (Files.isExecutable(Path.of(dir, "smbclient"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** What one batch of processes did: wall time, summed CPU time, and each process's output. */
    record Run(long wallNanos, long cpuNanos, List<String> outputs) {}

    /**
     * Starts one smbclient per command list, all at once, and waits for all of them.
     *
     * @param security share and protection
     * @param commands one list of commands per process, fed on standard input
     * @return wall time from the first start to the last exit, summed CPU time (-1 without /usr/bin/time)
     */
    Run run(Security security, List<List<String>> commands) throws IOException, InterruptedException {
        List<ProcessBuilder> builders = new ArrayList<>();
        List<Path> outs = new ArrayList<>();
        List<Path> times = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            Path in = Files.write(work.resolve("cmd-" + i), commands.get(i), StandardCharsets.UTF_8);
            outs.add(work.resolve("out-" + i));
            times.add(work.resolve("time-" + i));
            Files.deleteIfExists(times.get(i));
            builders.add(new ProcessBuilder(command(security, times.get(i)))
                    .redirectInput(in.toFile()).redirectOutput(outs.get(i).toFile()).redirectErrorStream(true));
        }
        List<Process> processes = new ArrayList<>();
        long t0 = System.nanoTime();
        for (ProcessBuilder builder : builders) {
            processes.add(builder.start());
        }
        for (Process p : processes) {
            if (!p.waitFor(30, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("smbclient did not finish within 30 minutes");
            }
        }
        long wall = System.nanoTime() - t0;
        long cpu = 0;
        List<String> outputs = new ArrayList<>();
        for (int i = 0; i < processes.size(); i++) {
            String out = Files.readString(outs.get(i), StandardCharsets.UTF_8);
            outputs.add(out);
            if (processes.get(i).exitValue() != 0) {
                throw new IOException("smbclient exited with " + processes.get(i).exitValue() + ": " + tail(out));
            }
            cpu = cpu < 0 || !Files.exists(times.get(i)) ? -1 : cpu + cpuNanos(times.get(i));
        }
        return new Run(wall, cpu, outputs);
    }

    private List<String> command(Security security, Path timeFile) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(TIME)) {
            command.addAll(List.of(TIME.toString(), "-f", "%U %S", "-o", timeFile.toString()));
        }
        String protection = switch (security) {
            case UNSIGNED -> "off";
            case SIGNED -> "sign";
            case ENCRYPTED -> "encrypt";
        };
        command.addAll(List.of("smbclient", "//" + target.host() + "/" + security.share(), "-p",
                Integer.toString(target.port()), "-A", target.credentialsFile().toString(), "-m", "SMB3_11",
                "--client-protection=" + protection));
        return command;
    }

    private static long cpuNanos(Path timeFile) throws IOException {
        List<String> lines = Files.readAllLines(timeFile, StandardCharsets.UTF_8);
        String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1).trim();
        String[] parts = last.split("\\s+");
        if (parts.length != 2) {
            throw new IOException("unexpected /usr/bin/time output: " + lines);
        }
        return Math.round((Double.parseDouble(parts[0]) + Double.parseDouble(parts[1])) * 1e9);
    }

    /** @return how many times {@code needle} occurs in {@code text} */
    static int count(String text, String needle) {
        int n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
            n++;
        }
        return n;
    }

    /** @return the sizes of every "getting file ... of size N as" line */
    static List<Long> gotSizes(String text) {
        List<Long> sizes = new ArrayList<>();
        Matcher m = GOT.matcher(text);
        while (m.find()) {
            sizes.add(Long.parseLong(m.group(1)));
        }
        return sizes;
    }

    /** @return the last lines of an output, for error messages */
    static String tail(String out) {
        String[] lines = out.split("\n");
        String tail = String.join(" | ", List.of(lines).subList(Math.max(0, lines.length - 5), lines.length));
        return tail.toLowerCase(Locale.ROOT).contains("password") ? "(output withheld)" : tail;
    }
}
