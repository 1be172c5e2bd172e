package io.smbench.engine.compile;

import java.util.Arrays;

/**
 * Cuts one direction's reassembled byte stream into SMB2 messages at their Direct TCP headers
 * (MS-SMB2 2.1: a zero byte and a 24-bit length, whatever the port; NetBIOS session service
 * keep-alives and session requests on port 139 are skipped). After a gap it resynchronises on the
 * next plausible header followed by 0xFE/0xFD/0xFC 'SMB' instead of giving up on the connection.
 */
public final class Smb2StreamFramer implements TcpReassembler.Sink {
    /** Receives each complete message with the packet and time of its first byte. */
    public interface MessageSink {
        void message(byte[] message, long packetNumber, long timestampNanos);
    }

    private static final int MAX_MESSAGE = 16 * 1024 * 1024 + 1024;

    private final MessageSink sink;
    private byte[] buffer = new byte[1 << 16];
    private int length;
    private long firstPacket = -1;
    private long firstTimestamp;
    private boolean resync;
    private long resyncs;
    private long skippedBytes;
    private long notSmb2;

    public Smb2StreamFramer(MessageSink sink) {
        this.sink = sink;
    }

    @Override
    public void data(byte[] bytes, int offset, int count, long packetNumber, long timestampNanos) {
        if (length == 0) {
            firstPacket = packetNumber;
            firstTimestamp = timestampNanos;
        }
        if (length + count > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + count));
        }
        System.arraycopy(bytes, offset, buffer, length, count);
        length += count;
        frame(packetNumber, timestampNanos);
    }

    @Override
    public void gap(long missing, long packetNumber) {
        length = 0;
        resync = true;
    }

    private void frame(long packetNumber, long timestampNanos) {
        int at = 0;
        while (true) {
            if (resync) {
                int found = findHeader(at);
                if (found < 0) {
                    // keep the last bytes: a header may straddle this and the next segment
                    int keep = Math.min(length - at, 7);
                    skippedBytes += length - at - keep;
                    at = length - keep;
                    break;
                }
                skippedBytes += found - at;
                at = found;
                resync = false;
                resyncs++;
            }
            if (length - at < 4) {
                break;
            }
            int type = buffer[at] & 0xFF;
            int messageLength = (buffer[at + 1] & 0xFF) << 16 | (buffer[at + 2] & 0xFF) << 8 | (buffer[at + 3] & 0xFF);
            if (type != 0 && type != 0x85 && type != 0x81 && type != 0x82) {
                resync = true;
                continue;
            }
            if (messageLength > MAX_MESSAGE) {
                resync = true;
                at++;
                continue;
            }
            if (length - at < 4 + messageLength) {
                break;
            }
            if (type == 0 && messageLength >= 4) {
                int magic = buffer[at + 4] & 0xFF;
                boolean smb2 = (magic == 0xFE || magic == 0xFD || magic == 0xFC) && buffer[at + 5] == 'S'
                        && buffer[at + 6] == 'M' && buffer[at + 7] == 'B';
                if (smb2) {
                    sink.message(Arrays.copyOfRange(buffer, at + 4, at + 4 + messageLength), firstPacket, firstTimestamp);
                } else {
                    notSmb2++;
                }
            }
            at += 4 + messageLength;
            firstPacket = packetNumber;
            firstTimestamp = timestampNanos;
        }
        System.arraycopy(buffer, at, buffer, 0, length - at);
        length -= at;
    }

    private int findHeader(int from) {
        for (int i = from; i + 8 <= length; i++) {
            int magic = buffer[i + 4] & 0xFF;
            if (buffer[i] == 0 && (magic == 0xFE || magic == 0xFD || magic == 0xFC) && buffer[i + 5] == 'S'
                    && buffer[i + 6] == 'M' && buffer[i + 7] == 'B') {
                int messageLength = (buffer[i + 1] & 0xFF) << 16 | (buffer[i + 2] & 0xFF) << 8 | (buffer[i + 3] & 0xFF);
                if (messageLength >= 64 && messageLength <= MAX_MESSAGE) {
                    return i;
                }
            }
        }
        return -1;
    }

    public long resyncs() {
        return resyncs;
    }

    public long skippedBytes() {
        return skippedBytes;
    }

    /** Complete NetBIOS messages that were not SMB2 (SMB1, for example). */
    public long notSmb2Messages() {
        return notSmb2;
    }
}
