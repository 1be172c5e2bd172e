package io.smbench.fuzz.live;

import io.smbench.smb.client.ClientConfig;
import io.smbench.smb.client.OutgoingRequest;
import io.smbench.smb.client.SmbTree;
import io.smbench.smb.mssmb2.msg.FileId;
import java.util.List;

/**
 * What a {@link SeedSequence} runs its steps through: sends each step's chain plainly, except the
 * one step the case mutates, after which the case ends.
 */
public interface SequenceDriver {
    /** The tree the case is connected to. */
    SmbTree tree();

    /** The configuration the case connected with (dialects offered, ClientGuid). */
    ClientConfig config();

    /** The case's generator: every value a sequence draws comes from it, in a fixed order. */
    SplitMix64 random();

    /** A file name no other case uses, relative to the share root. */
    String fileName();

    /**
     * Sends one step.
     *
     * @return what a later step needs from the answers
     * @throws CaseEnded after the mutated step, or when a plain step fails
     */
    StepResult step(String name, List<OutgoingRequest> chain, boolean related);

    /** The answers to a plain step. */
    record StepResult(int[] statuses, FileId createdFileId) {}

    /** Stops a sequence: its mutated step ran, or a plain step failed. */
    final class CaseEnded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public CaseEnded() {
            super(null, null, false, false);
        }
    }
}
