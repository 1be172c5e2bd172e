package io.smbench.fuzz.live;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run found: counts of outcomes, of the statuses the server answered mutated requests with,
 * and of cases per sequence, plus every finding (a case that was not a plain answer) in full.
 */
public final class FuzzReport {
    private final long runSeed;
    private final Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
    private final Map<String, Long> statuses = new TreeMap<>();
    private final Map<String, Long> sequences = new TreeMap<>();
    private final List<CaseResult> findings = new ArrayList<>();
    private long cases;
    private long millis;
    private String stoppedBecause;

    public FuzzReport(long runSeed) {
        this.runSeed = runSeed;
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, 0L);
        }
    }

    public void add(CaseResult result) {
        cases++;
        outcomes.merge(result.outcome(), 1L, Long::sum);
        sequences.merge(result.sequence(), 1L, Long::sum);
        for (String status : result.statuses()) {
            if (status != null) {
                statuses.merge(status, 1L, Long::sum);
            }
        }
        if (result.isFinding()) {
            findings.add(result);
        }
    }

    void finish(long elapsedMillis, String reason) {
        this.millis = elapsedMillis;
        this.stoppedBecause = reason;
    }

    public long runSeed() {
        return runSeed;
    }

    public long cases() {
        return cases;
    }

    public long millis() {
        return millis;
    }

    /** Why the run ended: the case count or duration was reached, or the server went down. */
    public String stoppedBecause() {
        return stoppedBecause;
    }

    public Map<Outcome, Long> outcomes() {
        return Map.copyOf(outcomes);
    }

    public long count(Outcome outcome) {
        return outcomes.get(outcome);
    }

    /** Status name to how many mutated requests got it. */
    public Map<String, Long> statuses() {
        return new TreeMap<>(statuses);
    }

    public Map<String, Long> sequences() {
        return new TreeMap<>(sequences);
    }

    public List<CaseResult> findings() {
        return List.copyOf(findings);
    }
}
