package io.smbench.lab;

import java.nio.file.Path;

/** Test helper run in a separate JVM: {@code start DIR} starts a detached lab on a free port, then the JVM exits. */
final class LabStartMain {
    private LabStartMain() {}

    public static void main(String[] args) {
        LabInfo info = new LabStateStore(Path.of(args[0])).start(0);
        System.out.print(info.describe());
    }
}
