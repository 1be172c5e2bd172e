package io.smbench.smb.client;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The channels of a session (MS-SMB2 3.2.1.3 Session.ChannelList, 3.2.1.8): the connection it was
 * set up on first, then each connection bound to it. I/O is spread over the live ones in turn
 * (3.2.4.1.7: a request may go on any channel of its session); a channel whose connection has
 * closed is skipped and then dropped.
 */
final class ChannelSet {
    private final List<SmbConnection> channels = new CopyOnWriteArrayList<>();
    private final AtomicInteger next = new AtomicInteger();

    ChannelSet(SmbConnection primary) {
        channels.add(primary);
    }

    void add(SmbConnection channel) {
        channels.add(channel);
        channel.closeFuture().thenRun(() -> channels.remove(channel));
    }

    List<SmbConnection> all() {
        return List.copyOf(channels);
    }

    /** The next live channel in turn; the first channel when none is live (its send then fails clearly). */
    SmbConnection pick() {
        List<SmbConnection> snapshot = List.copyOf(channels);
        int start = Math.floorMod(next.getAndIncrement(), snapshot.size());
        for (int i = 0; i < snapshot.size(); i++) {
            SmbConnection candidate = snapshot.get((start + i) % snapshot.size());
            if (candidate.channel().isActive()) {
                return candidate;
            }
        }
        return snapshot.get(0);
    }
}
