package io.smbench.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs small {@link SambaTest} classes through a nested JUnit launcher to check what the extension does around
 * them: logs kept on failure and deleted otherwise, skip or fail when smbd is missing. (Surefire does not run
 * the nested classes by themselves: it excludes inner classes.)
 */
class SambaExtensionLifecycleTest {
    private static final AtomicReference<SambaLab> SEEN = new AtomicReference<>();

    @AfterEach
    void clearProperties() {
        System.clearProperty("smbench.lab.logs");
        System.clearProperty("smbench.lab.smbd");
        SEEN.set(null);
    }

    @Test
    void shouldKeepLogsWhenATestFails(@TempDir Path logs) {
        assumeTrue(SambaLab.smbdAvailable(), SambaExtension.MISSING);
        System.setProperty("smbench.lab.logs", logs.toString());
        TestExecutionSummary summary = run(FailingCase.class);
        assertThat(summary.getTestsFailedCount()).isEqualTo(1);
        Path kept = logs.resolve(FailingCase.class.getName()).resolve("default");
        assertThat(kept.resolve("smbd.log")).isRegularFile();
        assertThat(kept.resolve("smb.conf")).isRegularFile();
        assertThat(SEEN.get().baseDir()).doesNotExist();
        assertThat(SambaProcess.isAlive(SEEN.get().pid())).isFalse();
    }

    @Test
    void shouldDeleteLogsWhenAllTestsPass(@TempDir Path logs) {
        assumeTrue(SambaLab.smbdAvailable(), SambaExtension.MISSING);
        System.setProperty("smbench.lab.logs", logs.toString());
        TestExecutionSummary summary = run(PassingCase.class);
        assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
        assertThat(logs.resolve(PassingCase.class.getName())).doesNotExist();
        assertThat(SEEN.get().baseDir()).doesNotExist();
        assertThat(SambaProcess.isAlive(SEEN.get().pid())).isFalse();
    }

    @Test
    void shouldSkipOrFailWithoutSmbd() {
        System.setProperty("smbench.lab.smbd", "/nonexistent/smbd");
        TestExecutionSummary summary = run(PassingCase.class);
        assertThat(summary.getTestsSucceededCount()).isZero();
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            assertThat(summary.getFailures()).hasSize(1);
            assertThat(summary.getFailures().get(0).getException()).hasMessageContaining("smbd not found");
        } else {
            assertThat(summary.getContainersSkippedCount()).isEqualTo(1);
            assertThat(summary.getTotalFailureCount()).isZero();
        }
    }

    @Test
    void shouldDecideAvailability() {
        assertThat(SambaExtension.availability(true, "true")).isEqualTo(SambaExtension.Availability.RUN);
        assertThat(SambaExtension.availability(false, "true")).isEqualTo(SambaExtension.Availability.FAIL);
        assertThat(SambaExtension.availability(false, null)).isEqualTo(SambaExtension.Availability.SKIP);
        assertThat(SambaExtension.availability(false, "false")).isEqualTo(SambaExtension.Availability.SKIP);
    }

    private static TestExecutionSummary run(Class<?> testClass) {
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(testClass)).build(), listener);
        return listener.getSummary();
    }

    /** Fails on purpose: its logs must be kept. */
    @SambaTest
    static class FailingCase {
        @Test
        void fails(SambaLab lab) {
            SEEN.set(lab);
            fail("failing on purpose to keep the Samba logs");
        }
    }

    /** Passes: its logs must be deleted. */
    @SambaTest
    static class PassingCase {
        @Test
        void passes(SambaLab lab) {
            SEEN.set(lab);
        }
    }
}
