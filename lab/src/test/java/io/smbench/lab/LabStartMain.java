package io.smbench.lab;

import java.nio.file.Path;

/**
 * Test helper run in a separate JVM, like the CLI would: {@code start DIR} starts a detached lab on a free
 * port and exits; {@code status DIR} and {@code stop DIR} print what {@link LabStateStore} reports;
 * {@code attached DIR} starts an attached instance and exits without closing it (the shutdown hook must stop it).
 */
final class LabStartMain {
    private LabStartMain() {}

    public static void main(String[] args) {
        LabStateStore store = new LabStateStore(Path.of(args[1]));
        switch (args[0]) {
            case "start" -> System.out.print(store.start(0).describe());
            case "status" -> System.out.print(store.status().describe());
            case "stop" -> System.out.println(store.stop() ? "stopped" : "was not running");
            case "attached" -> System.out.println("pid=" + SambaLab.start(LabConfig.builder().baseDir(Path.of(args[1]))
                    .build()).pid());
            default -> throw new IllegalArgumentException("start|status|stop DIR");
        }
    }
}
