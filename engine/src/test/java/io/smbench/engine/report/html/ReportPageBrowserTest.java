package io.smbench.engine.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The page as a real browser sees it: headless Chromium loads the rendered file, its DOM must hold
 * the charts and numbers, and its screenshot must show them. Skipped without Chromium, except
 * under CI ({@code CI} set), where a missing browser fails the build.
 */
class ReportPageBrowserTest {
    /** Where the page, DOM and screenshot stay after the test, for a person to look at. */
    private static final Path OUT = Path.of("target", "report-html-browser");
    private static final int WIDTH = 1600;
    private static final int HEIGHT = 6000;

    private static Path chromium;
    private static ObjectNode report;
    private static Path page;

    @BeforeAll
    static void render() throws Exception {
        chromium = findChromium();
        if (chromium == null) {
            boolean ci = System.getenv("CI") != null && !System.getenv("CI").isBlank();
            if (ci) {
                throw new IllegalStateException("CI is set but no chromium was found on PATH or in /usr/bin: "
                        + "install it (apt-get install chromium) to run the report page browser test");
            }
            assumeTrue(false, "SKIPPED: no chromium on PATH or in /usr/bin; install it (apt-get install chromium) "
                    + "to check the HTML report in a real browser");
        }
        report = TroubledReplay.report();
        Files.createDirectories(OUT);
        page = OUT.resolve("report.html").toAbsolutePath();
        ReportPage.write(report, page);
    }

    private static Path findChromium() {
        List<Path> candidates = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, "chromium"));
            }
        }
        candidates.add(Path.of("/usr/bin/chromium"));
        return candidates.stream().filter(Files::isExecutable).findFirst().orElse(null);
    }

    /** Runs headless Chromium on the page with {@code extra} arguments; returns its standard output. */
    private static String chromium(String name, String... extra) throws Exception {
        Path profile = Files.createTempDirectory("smbench-chromium-");
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile));
        command.addAll(List.of(extra));
        command.add(page.toUri().toString());
        Path stdout = OUT.resolve(name + ".out");
        Path stderr = OUT.resolve(name + ".err");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .start();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                throw new AssertionError("chromium did not finish within 120 s: " + command);
            }
            assertThat(process.exitValue()).as("chromium exit code; its stderr: %s", Files.readString(stderr))
                    .isZero();
            return Files.readString(stdout, StandardCharsets.UTF_8);
        } finally {
            process.destroyForcibly();
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    @Test
    void shouldShowTheChartsAndNumbersInTheBrowsersDom() throws Exception {
        String dom = chromium("dom", "--dump-dom");
        Files.writeString(OUT.resolve("dom.html"), dom);
        int kinds = report.get("by_kind").size();
        assertThat(dom).contains("<h1>smbench replay report</h1>");
        assertThat(occurrences(dom, "<svg class=\"chart\"")).as("a chart per kind, throughput and lateness")
                .isEqualTo(kinds + 2);
        report.get("by_kind").fieldNames().forEachRemaining(kind -> {
            assertThat(dom).contains("<section class=\"kind\" data-kind=\"" + kind + "\">");
            long p50 = report.get("by_kind").get(kind).get("latency_us").get("p50").asLong();
            assertThat(dom).contains(String.format(java.util.Locale.ROOT, "<td class=\"p50\">%,d</td>", p50));
        });
        assertThat(occurrences(dom, "<polyline")).as("two series per kind, one for lateness")
                .isEqualTo(2 * kinds + 1);
        assertThat(dom).contains("99.99%", "completions per second", "u009: error on u009_010",
                "u066: oplock break at", "STATUS_ACCESS_DENIED");
        assertThat(occurrences(dom, "<svg class=\"timeline\"")).isEqualTo(3);
        // The hostile strings in the report stayed text: no element came of them.
        assertThat(dom).doesNotContain("<script").doesNotContain("<img").contains("&lt;script&gt;alert(");
    }

    @Test
    void shouldRenderAScreenshotWithTheCharts() throws Exception {
        Path png = OUT.resolve("report.png").toAbsolutePath();
        Files.deleteIfExists(png);
        chromium("screenshot", "--screenshot=" + png, "--window-size=" + WIDTH + "," + HEIGHT, "--hide-scrollbars");
        assertThat(png).exists();
        assertThat(Files.size(png)).as("a page of charts and tables is not a blank PNG").isGreaterThan(50_000);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(WIDTH);
        assertThat(image.getHeight()).isEqualTo(HEIGHT);
        // The "from actual send" lines are #2b6cd4 and the throughput bars #4a8fe0: both must be drawn.
        assertThat(pixelsNear(image, 0x2b6cd4)).as("percentile lines").isGreaterThan(500);
        assertThat(pixelsNear(image, 0x4a8fe0)).as("throughput bars").isGreaterThan(500);
    }

    private static long pixelsNear(BufferedImage image, int rgb) {
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                int dr = ((p >> 16) & 0xff) - ((rgb >> 16) & 0xff);
                int dg = ((p >> 8) & 0xff) - ((rgb >> 8) & 0xff);
                int db = (p & 0xff) - (rgb & 0xff);
                if (dr * dr + dg * dg + db * db < 12 * 12) {
                    count++;
                }
            }
        }
        return count;
    }
}
