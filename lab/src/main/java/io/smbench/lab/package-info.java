/**
 * Throwaway Samba ({@code smbd}) instances on loopback for tests and for {@code smbench lab}.
 *
 * <p>Entry points:
 * <ul>
 *   <li>{@link io.smbench.lab.SambaLab#start(LabConfig)}: start an isolated instance (own config, state
 *       and share folders, free or fixed port, a user with a random password); {@code close()} stops it.</li>
 *   <li>{@link io.smbench.lab.SambaTest} with {@link io.smbench.lab.SambaExtension}: one instance per test
 *       class, injected as a {@code SambaLab} parameter; {@link io.smbench.lab.SigningMandatory} asks for a
 *       second instance with {@code server signing = mandatory}.</li>
 *   <li>{@link io.smbench.lab.LabStateStore}: the logic of {@code smbench lab start|stop|status}, a detached
 *       instance that outlives the JVM, described by a state file and a 0600 password file.</li>
 * </ul>
 *
 * <p>A test in another module (test-scope dependency on {@code io.smbench:lab}):
 * <pre>{@code
 * @SambaTest
 * class ReadWriteIT {
 *     @Test
 *     void shouldWrite(SambaLab lab, @SigningMandatory SambaLab signing) {
 *         var session = connect(lab.host(), lab.port(), lab.user(), lab.password(), lab.domain());
 *         assertThat(lab.shareDir("open").resolve("a.txt")).exists();
 *     }
 * }
 * }</pre>
 *
 * <p>Facts about Samba 4.17 this package relies on are in {@code shared/lab/README.md}. No password is ever
 * written to a log line, an exception message, a {@code toString()} or a command line: it reaches Samba
 * through the standard input of {@code smbpasswd}/{@code pdbedit} and clients through 0600 files.
 */
package io.smbench.lab;
