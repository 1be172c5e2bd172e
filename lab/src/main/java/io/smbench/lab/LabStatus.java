package io.smbench.lab;

import java.util.Optional;

/**
 * Result of {@link LabStateStore#status()}: whether the lab of a folder runs, and how to reach it if so.
 *
 * @param running true when the recorded smbd is alive and its port accepts connections
 * @param info directions when running
 * @param detail one line explaining the state ("running", "not started", "stale state: ...")
 */
public record LabStatus(boolean running, Optional<LabInfo> info, String detail) {
    /** @return text for {@code smbench lab status} */
    public String describe() {
        return running && info.isPresent()
                ? info.get().describe().replaceFirst("^Samba lab (already running|started)", "Samba lab running")
                : "Samba lab not running: " + detail + "\n";
    }
}
