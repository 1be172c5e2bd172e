package io.smbench.lab;

import java.io.IOException;
import java.nio.CharBuffer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

/**
 * The SMB user of an instance: its Unix account and its Samba password.
 *
 * <p>As root the account is {@value #ROOT_USER} (created with {@code useradd -M -s /usr/sbin/nologin} when
 * missing) and the password is set with {@code smbpasswd -c CONF -s -a}. Without root, the SMB user is the
 * current Unix user (every folder is already owned by it) and the password is set with
 * {@code pdbedit -s CONF -a -u USER -t}. In both cases the password goes through standard input.
 */
final class SambaUser {
    /** The Unix account used when running as root. */
    static final String ROOT_USER = "smbtest";

    private static final char[] ALPHABET =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private SambaUser() {}

    /** @return true when this JVM runs as uid 0 */
    static boolean isRoot() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return Integer.valueOf(0).equals(uid);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** @return the SMB user name for this process: {@value #ROOT_USER} as root, else the current user */
    static String userName() {
        return isRoot() ? ROOT_USER : System.getProperty("user.name");
    }

    /** @return a random 24-character password */
    static char[] randomPassword() {
        char[] pw = new char[24];
        for (int i = 0; i < pw.length; i++) {
            pw[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return pw;
    }

    /**
     * Makes sure the Unix account exists (root only; idempotent, safe against a concurrent useradd).
     *
     * @param user account name
     */
    static synchronized void ensureUnixAccount(String user) {
        if (!isRoot() || exists(user)) {
            return;
        }
        String useradd = Commands.require("useradd");
        Commands.Result r = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            r = Commands.run(null, 30, List.of(useradd, "-M", "-s", "/usr/sbin/nologin", user));
            // 9: already exists (a concurrent run created it); 10: /etc/group lock busy
            if (r.exitCode() == 0 || r.exitCode() == 9 || exists(user)) {
                return;
            }
            sleep(200);
        }
        throw new IllegalStateException("useradd " + user + " failed (" + r.exitCode() + "): " + r.output().strip());
    }

    /**
     * Sets the user's Samba password in the instance's passdb, feeding it on standard input.
     *
     * @param config the instance's smb.conf
     * @param user the SMB user
     * @param password the password (not modified)
     */
    static void setPassword(Path config, String user, char[] password) {
        byte[] stdin = twoLines(password);
        Commands.Result r;
        if (isRoot()) {
            r = Commands.run(stdin, 30,
                    List.of(Commands.require("smbpasswd"), "-c", config.toString(), "-s", "-a", user));
        } else {
            r = Commands.run(stdin, 30,
                    List.of(Commands.require("pdbedit"), "-s", config.toString(), "-a", "-u", user, "-t"));
        }
        if (r.exitCode() != 0) {
            throw new IllegalStateException("setting the Samba password of " + user + " failed (exit "
                    + r.exitCode() + "): " + r.output().strip());
        }
    }

    /**
     * Gives a folder to the SMB user (root only; without root the current user already owns it).
     *
     * @param dir folder
     * @param user account name
     * @throws IOException when the owner cannot be set
     */
    static void chown(Path dir, String user) throws IOException {
        if (!isRoot()) {
            return;
        }
        UserPrincipal owner = FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(user);
        Files.setOwner(dir, owner);
    }

    private static byte[] twoLines(char[] password) {
        char[] text = new char[password.length * 2 + 2];
        System.arraycopy(password, 0, text, 0, password.length);
        text[password.length] = '\n';
        System.arraycopy(password, 0, text, password.length + 1, password.length);
        text[text.length - 1] = '\n';
        ByteBuffer bb = StandardCharsets.UTF_8.encode(CharBuffer.wrap(text));
        byte[] bytes = new byte[bb.remaining()];
        bb.get(bytes);
        Arrays.fill(text, '\0');
        if (bb.hasArray()) {
            Arrays.fill(bb.array(), (byte) 0);
        }
        return bytes;
    }

    private static boolean exists(String user) {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/passwd"), StandardCharsets.UTF_8)) {
                if (line.startsWith(user + ":")) {
                    return true;
                }
            }
        } catch (IOException ignored) {
            // fall through to getent
        }
        Path getent = Commands.locate("getent");
        return getent != null && Commands.run(null, 10, List.of(getent.toString(), "passwd", user)).exitCode() == 0;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
