package io.smbench.lab;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * JUnit 5 extension behind {@link SambaTest}: resolves {@link SambaLab} parameters with one lazily started
 * instance per test class (and one more for {@link SigningMandatory} parameters), stops them after the class,
 * and keeps their logs under {@code target/samba-logs/<test-class>/<instance>/} when a test of the class failed
 * (deleted otherwise; the folder is printed on stderr).
 *
 * <p>When smbd is missing: with env {@code CI=true} the class fails; otherwise it is skipped with a loud
 * message on stderr (system property {@code smbench.lab.smbd} points at another smbd). The log folder root can
 * be changed with system property {@code smbench.lab.logs}.
 */
public final class SambaExtension
        implements ExecutionCondition, BeforeAllCallback, AfterAllCallback, ParameterResolver, TestWatcher {
    static final String MISSING = "smbd not found: install the Debian package samba (.ci/run does)";

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SambaExtension.class);
    private static final String KEY = "labs";

    /** Creates the extension (used by JUnit through {@link SambaTest}). */
    public SambaExtension() {}

    /** What to do with a {@link SambaTest} class. */
    enum Availability {
        /** smbd is installed: run. */
        RUN,
        /** smbd is missing on a developer machine: skip loudly. */
        SKIP,
        /** smbd is missing on CI: fail. */
        FAIL
    }

    /**
     * @param smbdFound whether smbd is installed
     * @param ciEnv the value of env {@code CI}, or null
     * @return the decision
     */
    static Availability availability(boolean smbdFound, String ciEnv) {
        if (smbdFound) {
            return Availability.RUN;
        }
        return "true".equalsIgnoreCase(ciEnv) ? Availability.FAIL : Availability.SKIP;
    }

    private static Availability availability() {
        return availability(SambaLab.smbdAvailable(), System.getenv("CI"));
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (availability() != Availability.SKIP) {
            return ConditionEvaluationResult.enabled("smbd available, or missing on CI (fails in beforeAll)");
        }
        System.err.println("\n!!! [smbench-lab] " + MISSING + " -- SKIPPING " + context.getDisplayName() + " !!!\n");
        return ConditionEvaluationResult.disabled(MISSING);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (availability() == Availability.FAIL) {
            throw new IllegalStateException(MISSING);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext pc, ExtensionContext ec) {
        return pc.getParameter().getType() == SambaLab.class;
    }

    @Override
    public Object resolveParameter(ParameterContext pc, ExtensionContext ec) {
        boolean mandatory = pc.isAnnotated(SigningMandatory.class);
        try {
            return labs(ec).get(ec, mandatory);
        } catch (RuntimeException e) {
            throw new ParameterResolutionException("cannot start Samba for " + ec.getDisplayName() + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        labs(context).failed.set(true);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Labs labs = labs(context);
        if (context.getExecutionException().isPresent()) {
            labs.failed.set(true);
        }
        labs.close();
    }

    private static Labs labs(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        String className = classContext.getRequiredTestClass().getName();
        String[] options = classContext.getRequiredTestClass().isAnnotationPresent(SambaTest.class)
                ? classContext.getRequiredTestClass().getAnnotation(SambaTest.class).globalOptions()
                : new String[0];
        return classContext.getStore(NS).getOrComputeIfAbsent(KEY, k -> new Labs(className, options), Labs.class);
    }

    /** The instances of one test class; closed in afterAll, or by JUnit when the store closes. */
    static final class Labs implements AutoCloseable {
        private final String className;
        private final String[] options;
        private final Map<Boolean, SambaLab> started = new ConcurrentHashMap<>();
        final AtomicBoolean failed = new AtomicBoolean();
        private final AtomicBoolean closed = new AtomicBoolean();

        Labs(String className, String[] options) {
            this.className = className;
            this.options = options.clone();
        }

        synchronized SambaLab get(ExtensionContext ec, boolean signingMandatory) {
            if (closed.get()) {
                throw new IllegalStateException("the Samba instances of " + className + " are already stopped");
            }
            return started.computeIfAbsent(signingMandatory, m -> {
                LabConfig.Builder b = LabConfig.builder()
                        .signingMandatory(m)
                        .name(m ? "signing-mandatory" : "default");
                for (String o : options) {
                    b.globalOption(o);
                }
                SambaLab lab = SambaLab.start(b.build());
                System.err.println("[smbench-lab] started " + lab + " for " + className + " in "
                        + lab.startMillis() + " ms");
                return lab;
            });
        }

        @Override
        public synchronized void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            for (SambaLab lab : started.values()) {
                lab.stop();
                if (failed.get()) {
                    Path dest = Path.of(System.getProperty("smbench.lab.logs", "target/samba-logs"), className,
                            lab.config().name()).toAbsolutePath();
                    try {
                        lab.copyLogsTo(dest);
                        System.err.println("[smbench-lab] a test of " + className + " failed; Samba logs kept in "
                                + dest);
                    } catch (IOException e) {
                        System.err.println("[smbench-lab] could not keep the logs of " + lab + ": " + e);
                    }
                }
                lab.close();
            }
        }
    }
}
