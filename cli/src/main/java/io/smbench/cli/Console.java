package io.smbench.cli;

/** The interactive terminal, abstracted so password prompting can be tested without one. */
public interface Console {
    /** Whether a user can be asked (stdin and stdout are a terminal). */
    boolean isInteractive();

    /** Reads a line without echo; returns null at end of input. */
    char[] readPassword(String prompt);

    /** The real terminal, or a non-interactive one when the JVM has no console. */
    static Console system() {
        java.io.Console console = System.console();
        if (console == null) {
            return new Console() {
                @Override
                public boolean isInteractive() {
                    return false;
                }

                @Override
                public char[] readPassword(String prompt) {
                    return null;
                }
            };
        }
        return new Console() {
            @Override
            public boolean isInteractive() {
                return true;
            }

            @Override
            public char[] readPassword(String prompt) {
                return console.readPassword("%s", prompt);
            }
        };
    }
}
