package io.smbench.fuzz.live;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Keeps the fuzzer on the machine it runs on: a target must resolve only to loopback addresses
 * unless the user explicitly allows remote ones. Malformed requests can take a server down, so
 * pointing the fuzzer at a production server should take a deliberate flag, not a typo.
 */
public final class LoopbackGuard {
    private LoopbackGuard() {}

    /**
     * @throws IllegalArgumentException when {@code host} resolves to a non-loopback address and
     *     {@code allowRemote} is false, or does not resolve
     */
    public static void check(String host, boolean allowRemote) {
        if (allowRemote) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve " + host + ": " + e.getMessage(), e);
        }
        for (InetAddress address : addresses) {
            if (!address.isLoopbackAddress()) {
                throw new IllegalArgumentException("refusing to fuzz " + host + " (" + address.getHostAddress()
                        + "): not a loopback address; malformed requests may take the server down. Pass "
                        + "--allow-remote to fuzz a server you own on another machine");
            }
        }
    }
}
