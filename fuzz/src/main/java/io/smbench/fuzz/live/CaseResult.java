package io.smbench.fuzz.live;

import java.util.List;

/**
 * What one case did.
 *
 * @param caseSeed reproduces the case ({@code smbench fuzz --replay-seed})
 * @param sequence the seed sequence's label
 * @param step the mutated step's name (or the step that failed, for {@link Outcome#SETUP_FAILED})
 * @param mutations what was changed, in the order applied
 * @param outcome what the server did
 * @param statuses status name of each answered request of the mutated chain (null where none came)
 * @param detail why the outcome is what it is, for anything but a plain answer
 * @param requestHex the mutated chain exactly as sent (before encryption, after signing)
 * @param canonicalHex the same with MessageId, Signature and the server-assigned SessionId, TreeId
 *     and FileIds zeroed (unless a mutation set them): equal on every run of the same seed
 * @param millis how long the case took, connection and log-on included
 */
public record CaseResult(long caseSeed, String sequence, String step, List<Mutation> mutations, Outcome outcome,
        List<String> statuses, String detail, String requestHex, String canonicalHex, long millis) {
    public CaseResult {
        mutations = List.copyOf(mutations);
        statuses = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(statuses));
    }

    /** Everything but a plain answer is a finding. */
    public boolean isFinding() {
        return outcome != Outcome.ANSWERED;
    }

    /** The case seed as the command line takes it. */
    public String seedText() {
        return seedText(caseSeed);
    }

    public static String seedText(long seed) {
        return String.format("0x%016x", seed);
    }
}
