package io.smbench.benchmarks.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What the comparison harness runs. Defaults are the full run: 1, 16 and 64 clients, 2,000 small operations
 * per workload and client count, 1 GiB transfers in 1 MiB requests.
 *
 * @param server {@code HOST:PORT} of a running lab, or null to start a {@code SambaLab}
 * @param user SMB user (with {@code server})
 * @param passwordFile file whose first line is the password (with {@code server})
 * @param credentialsFile smbclient authentication file (with {@code server}; written to a 0600 temp file if absent)
 * @param clients client counts for the small operations
 * @param ops small operations per workload and client count, split over the clients
 * @param transferBytes size of each sequential transfer
 * @param ioSize READ/WRITE request size of the in-process clients
 * @param depths smbench pipelining depths to measure (1 = one request in flight, like smbj)
 * @param libraries libraries to run: smbench, smbj, smbclient
 * @param verify check every transferred byte (CRC32; costs client CPU, so off for figures)
 * @param doc markdown file whose generated section is replaced with the results, or null
 * @param quietLoad start each measurement only below this 1-minute load average ...
 * @param quietWaitSeconds ... waiting for it (polling every 30 s) up to this long in total over the whole run,
 *     then measuring anyway (each row reports the load it started at)
 */
record HarnessOptions(String server, String user, Path passwordFile, Path credentialsFile, List<Integer> clients,
        int ops, long transferBytes, int ioSize, List<Integer> depths, List<String> libraries, boolean verify,
        Path doc, double quietLoad, int quietWaitSeconds) {

    static final List<String> ALL_LIBRARIES = List.of("smbench", "smbj", "smbclient");

    HarnessOptions {
        clients = List.copyOf(clients);
        depths = List.copyOf(depths);
        libraries = List.copyOf(libraries);
        if (clients.isEmpty() || clients.stream().anyMatch(c -> c < 1) || ops < 1 || transferBytes < 1 || ioSize < 1
                || depths.isEmpty() || depths.stream().anyMatch(d -> d < 1)) {
            throw new IllegalArgumentException("clients, ops, sizes and depths must be positive");
        }
        if (!ALL_LIBRARIES.containsAll(libraries)) {
            throw new IllegalArgumentException("libraries are " + ALL_LIBRARIES + ", not " + libraries);
        }
    }

    /** @return the full run's defaults */
    static HarnessOptions full() {
        return new HarnessOptions(null, null, null, null, List.of(1, 16, 64), 2000, 1L << 30, 1 << 20, List.of(1, 4),
                ALL_LIBRARIES, false, null, 3.0, 40 * 60);
    }

    /** @return the quick sanity run for CI: 1 and 4 clients, 8 MiB, every byte checked, no waiting */
    static HarnessOptions ci() {
        return new HarnessOptions(null, null, null, null, List.of(1, 4), 40, 8L << 20, 1 << 20, List.of(1, 4),
                ALL_LIBRARIES, true, null, Double.MAX_VALUE, 0);
    }

    /**
     * Parses options over {@code base}.
     *
     * @param base defaults
     * @param args {@code --server H:P --user U --password-file F --credentials-file F --clients 1,16,64 --ops N
     *     --size 1g --io-size 1m --depths 1,4 --libs smbench,smbj,smbclient --verify --doc FILE --quiet-load X
     *     --quiet-wait SECONDS}
     * @return the options
     */
    static HarnessOptions parse(HarnessOptions base, String... args) {
        HarnessOptions o = base;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if ("--verify".equals(a)) {
                o = o.with(b -> b.verify = true);
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + a);
            }
            String v = args[++i];
            o = switch (a) {
                case "--server" -> o.with(b -> b.server = v);
                case "--user" -> o.with(b -> b.user = v);
                case "--password-file" -> o.with(b -> b.passwordFile = Path.of(v));
                case "--credentials-file" -> o.with(b -> b.credentialsFile = Path.of(v));
                case "--clients" -> o.with(b -> b.clients = ints(v));
                case "--ops" -> o.with(b -> b.ops = Integer.parseInt(v));
                case "--size" -> o.with(b -> b.transferBytes = size(v));
                case "--io-size" -> o.with(b -> b.ioSize = Math.toIntExact(size(v)));
                case "--depths" -> o.with(b -> b.depths = ints(v));
                case "--libs" -> o.with(b -> b.libraries = Arrays.asList(v.split(",")));
                case "--doc" -> o.with(b -> b.doc = Path.of(v));
                case "--quiet-load" -> o.with(b -> b.quietLoad = Double.parseDouble(v));
                case "--quiet-wait" -> o.with(b -> b.quietWaitSeconds = Integer.parseInt(v));
                default -> throw new IllegalArgumentException("unknown option " + a);
            };
        }
        if (o.server() != null && (o.user() == null || o.passwordFile() == null)) {
            throw new IllegalArgumentException("--server needs --user and --password-file");
        }
        return o;
    }

    private static List<Integer> ints(String v) {
        List<Integer> list = new ArrayList<>();
        for (String s : v.split(",")) {
            list.add(Integer.parseInt(s.trim()));
        }
        return list;
    }

    /** @return bytes of {@code 8m}, {@code 1g}, {@code 4096}... (binary units) */
    static long size(String v) {
        String s = v.trim().toLowerCase(Locale.ROOT);
        long unit = switch (s.charAt(s.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1;
        };
        return Long.parseLong(unit == 1 ? s : s.substring(0, s.length() - 1)) * unit;
    }

    private HarnessOptions with(java.util.function.Consumer<Builder> change) {
        Builder b = new Builder(this);
        change.accept(b);
        return b.build();
    }

    private static final class Builder {
        String server;
        String user;
        Path passwordFile;
        Path credentialsFile;
        List<Integer> clients;
        int ops;
        long transferBytes;
        int ioSize;
        List<Integer> depths;
        List<String> libraries;
        boolean verify;
        Path doc;
        double quietLoad;
        int quietWaitSeconds;

        Builder(HarnessOptions o) {
            server = o.server;
            user = o.user;
            passwordFile = o.passwordFile;
            credentialsFile = o.credentialsFile;
            clients = o.clients;
            ops = o.ops;
            transferBytes = o.transferBytes;
            ioSize = o.ioSize;
            depths = o.depths;
            libraries = o.libraries;
            verify = o.verify;
            doc = o.doc;
            quietLoad = o.quietLoad;
            quietWaitSeconds = o.quietWaitSeconds;
        }

        HarnessOptions build() {
            return new HarnessOptions(server, user, passwordFile, credentialsFile, clients, ops, transferBytes, ioSize,
                    depths, libraries, verify, doc, quietLoad, quietWaitSeconds);
        }
    }
}
