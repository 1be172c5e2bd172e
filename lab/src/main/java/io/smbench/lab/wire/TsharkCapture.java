package io.smbench.lab.wire;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Records the loopback traffic of one TCP port with tshark and checks it with the SMB2 dissector.
 *
 * <p>Two facts from the lab notes shape this class. tshark 4.0 only frames NetBIOS session messages
 * over 128 KiB correctly on port 445, so the capture is rewritten to port 445 with tcprewrite
 * before it is read. And the capture must be running before the traffic starts, so
 * {@link #start} waits for tshark's own "Capture started" message.
 */
public final class TsharkCapture implements AutoCloseable {
    private static final String MALFORMED_FILTER = "_ws.malformed || _ws.expert.severity >= error";

    private final Process process;
    private final Path pcapng;
    private final int port;
    private final StringBuilder stderr = new StringBuilder();
    private boolean stopped;

    private TsharkCapture(Process process, Path pcapng, int port) {
        this.process = process;
        this.pcapng = pcapng;
        this.port = port;
    }

    /** Whether tshark and tcprewrite are installed. */
    public static boolean available() {
        return Tools.find("tshark") != null && Tools.find("tcprewrite") != null;
    }

    /**
     * Starts capturing TCP port {@code port} on the loopback interface into {@code dir}.
     *
     * @throws IOException when tshark cannot be started or does not start capturing in 20 s
     */
    public static TsharkCapture start(Path dir, int port) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("capture-" + port + "-" + System.nanoTime() + ".pcapng");
        ProcessBuilder builder = new ProcessBuilder(Tools.require("tshark"), "-i", "lo", "-q",
                "-f", "tcp port " + port, "-w", file.toString());
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        TsharkCapture capture = new TsharkCapture(process, file, port);
        CountDownLatch started = new CountDownLatch(1);
        Thread reader = new Thread(() -> capture.drainStderr(started), "tshark-stderr-" + port);
        reader.setDaemon(true);
        reader.start();
        try {
            if (!started.await(20, TimeUnit.SECONDS) || !process.isAlive()) {
                capture.close();
                throw new IOException("tshark did not start capturing on port " + port + ": " + capture.stderrText());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            capture.close();
            throw new IOException("interrupted while starting tshark", e);
        }
        return capture;
    }

    private void drainStderr(CountDownLatch started) {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (stderr) {
                    stderr.append(line).append('\n');
                }
                if (line.contains("Capture started")) {
                    started.countDown();
                }
            }
        } catch (IOException e) {
            // The process ended; what it printed is already kept.
        } finally {
            started.countDown();
        }
    }

    private String stderrText() {
        synchronized (stderr) {
            return stderr.toString().strip();
        }
    }

    /**
     * Stops the capture (SIGTERM lets tshark flush the file) and returns the file.
     *
     * <p>Waits a moment first so the last packets written by the test reach the capture.
     */
    public Path stop() throws IOException {
        if (!stopped) {
            stopped = true;
            sleep(500);
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while stopping tshark", e);
            }
        }
        if (!Files.isRegularFile(pcapng)) {
            throw new IOException("tshark wrote no capture file: " + stderrText());
        }
        return pcapng;
    }

    /**
     * Stops the capture and runs the dissector over it.
     *
     * @param keys session keys of encrypted sessions in the capture (none for plain traffic)
     */
    public WireCheckResult check(List<SessionKey> keys) throws IOException {
        Path capture = stop();
        Path rewritten = capture.resolveSibling(capture.getFileName().toString().replace(".pcapng", "-445.pcap"));
        if (port != 445) {
            Tools.run(List.of(Tools.require("tcprewrite"), "--portmap=" + port + ":445",
                    "--infile=" + capture, "--outfile=" + rewritten));
        } else {
            Files.copy(capture, rewritten);
        }
        List<String> keyOptions = new ArrayList<>();
        for (SessionKey key : keys) {
            keyOptions.add("-o");
            keyOptions.add("uat:smb2_seskey_list:" + key.uatEntry());
        }
        List<String> count = new ArrayList<>(List.of(Tools.require("tshark"), "-n", "-r", rewritten.toString()));
        count.addAll(keyOptions);
        count.addAll(List.of("-Y", "smb2", "-T", "fields", "-e", "frame.number"));
        int smb2Packets = Tools.lines(Tools.run(count)).size();

        List<String> problems = new ArrayList<>(List.of(Tools.require("tshark"), "-n", "-r", rewritten.toString()));
        problems.addAll(keyOptions);
        problems.addAll(List.of("-Y", MALFORMED_FILTER, "-T", "fields", "-E", "separator=|",
                "-e", "frame.number", "-e", "_ws.expert.message", "-e", "smb2.cmd"));
        int transforms = count(rewritten, keyOptions, "smb2.protocol_id == 0xfd534d42");
        // A decrypted transform shows the inner message's Command field.
        int decrypted = count(rewritten, keyOptions, "smb2.protocol_id == 0xfd534d42 && smb2.cmd");
        return new WireCheckResult(rewritten, smb2Packets, Tools.lines(Tools.run(problems)), transforms, decrypted);
    }

    private static int count(Path capture, List<String> keyOptions, String filter) throws IOException {
        List<String> command = new ArrayList<>(List.of(Tools.require("tshark"), "-n", "-r", capture.toString()));
        command.addAll(keyOptions);
        command.addAll(List.of("-Y", filter, "-T", "fields", "-e", "frame.number"));
        return Tools.lines(Tools.run(command)).size();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
