package io.smbench.engine.compile;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.smbench.smb.client.BodyWriter;
import io.smbench.smb.mssmb2.Smb2Header;
import io.smbench.smb.mssmb2.msg.FileId;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes SMB2 conversations as a classic pcap file (microsecond timestamps, Ethernet, IPv4, TCP),
 * for tests and benchmarks of the compiler when no real capture holds the traffic needed: requests
 * are encoded by smb-protocol's message codecs ({@link BodyWriter}s), responses are a header with
 * the status and a body (a CREATE response carries its FileId, MS-SMB2 2.2.14), each message framed
 * in Direct TCP (MS-SMB2 2.1) and cut into segments of at most {@link #MAX_SEGMENT} bytes with
 * consistent sequence numbers. Checksums are left zero; the compiler does not check them.
 */
public final class SyntheticCapture implements AutoCloseable {
    /** TCP payload per segment: an IPv4 packet holds at most 65,535 bytes. */
    public static final int MAX_SEGMENT = 64_000;
    private static final long EPOCH_SECONDS = 1_700_000_000L;

    private final OutputStream out;
    private long bytesWritten;

    private SyntheticCapture(OutputStream out) throws IOException {
        this.out = out;
        ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0xA1B2C3D4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(262_144).putInt(1);
        write(header.array());
    }

    public static SyntheticCapture create(Path file) throws IOException {
        return new SyntheticCapture(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    }

    /** A TCP connection from {@code client}:{@code clientPort} to {@code server}:{@code serverPort}. */
    public Connection connection(String client, int clientPort, String server, int serverPort) throws IOException {
        return new Connection(InetAddress.getByName(client).getAddress(), clientPort,
                InetAddress.getByName(server).getAddress(), serverPort);
    }

    /** Bytes of the capture file so far. */
    public long bytesWritten() {
        return bytesWritten;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private void write(byte[] bytes) throws IOException {
        out.write(bytes);
        bytesWritten += bytes.length;
    }

    /** One TCP connection's two directions. */
    public final class Connection {
        private final byte[] client;
        private final byte[] server;
        private final int clientPort;
        private final int serverPort;
        private long clientSequence = 1_000;
        private long serverSequence = 500_000;

        private Connection(byte[] client, int clientPort, byte[] server, int serverPort) {
            this.client = client;
            this.clientPort = clientPort;
            this.server = server;
            this.serverPort = serverPort;
        }

        /** A request at {@code micros} from the capture's start, its body written by {@code body}. */
        public void request(long micros, int command, long messageId, int treeId, long sessionId, BodyWriter body)
                throws IOException {
            ByteBuf message = Unpooled.buffer();
            try {
                Smb2Header.writeRequest(message, command, 1, 1, 0, messageId, treeId, sessionId);
                body.write(message, 0);
                send(micros, true, ByteBufUtil.getBytes(message));
            } finally {
                message.release();
            }
        }

        /** A response: the header with {@code status}, then {@code body}. */
        public void response(long micros, int command, long messageId, int status, int treeId, long sessionId,
                byte[] body) throws IOException {
            ByteBuffer message = ByteBuffer.allocate(Smb2Header.LENGTH + body.length).order(ByteOrder.LITTLE_ENDIAN);
            message.putInt(Smb2Header.PROTOCOL_ID).putShort((short) Smb2Header.LENGTH).putShort((short) 1);
            message.putInt(status).putShort((short) command).putShort((short) 1);
            message.putInt(Smb2Header.FLAG_SERVER_TO_REDIR).putInt(0).putLong(messageId).putInt(0).putInt(treeId);
            message.putLong(sessionId).put(new byte[16]).put(body);
            send(micros, false, message.array());
        }

        /** A CREATE response (2.2.14) granting {@code fileId}: StructureSize 89, FileId at body offset 64. */
        public void createResponse(long micros, long messageId, int status, int treeId, long sessionId, FileId fileId)
                throws IOException {
            ByteBuffer body = ByteBuffer.allocate(89).order(ByteOrder.LITTLE_ENDIAN);
            body.putShort((short) 89);
            body.putLong(64, fileId.persistent()).putLong(72, fileId.volatileId());
            response(micros, 0x0005, messageId, status, treeId, sessionId, body.array());
        }

        /** A response with a minimal body (StructureSize only), for commands whose answer the compiler only needs the status of. */
        public void simpleResponse(long micros, int command, long messageId, int status, int treeId, long sessionId)
                throws IOException {
            response(micros, command, messageId, status, treeId, sessionId, new byte[] {4, 0, 0, 0});
        }

        private void send(long micros, boolean fromClient, byte[] message) throws IOException {
            byte[] framed = new byte[4 + message.length];
            framed[1] = (byte) (message.length >>> 16);
            framed[2] = (byte) (message.length >>> 8);
            framed[3] = (byte) message.length;
            System.arraycopy(message, 0, framed, 4, message.length);
            for (int at = 0; at < framed.length; at += MAX_SEGMENT) {
                int length = Math.min(MAX_SEGMENT, framed.length - at);
                segment(micros, fromClient, framed, at, length);
            }
        }

        private void segment(long micros, boolean fromClient, byte[] data, int at, int length) throws IOException {
            int frameLength = 14 + 20 + 20 + length;
            ByteBuffer frame = ByteBuffer.allocate(16 + frameLength);
            frame.order(ByteOrder.LITTLE_ENDIAN);
            frame.putInt((int) (EPOCH_SECONDS + micros / 1_000_000)).putInt((int) (micros % 1_000_000));
            frame.putInt(frameLength).putInt(frameLength);
            frame.order(ByteOrder.BIG_ENDIAN);
            frame.put(new byte[] {2, 0, 0, 0, 0, fromClient ? (byte) 2 : 1}); // destination MAC
            frame.put(new byte[] {2, 0, 0, 0, 0, fromClient ? (byte) 1 : 2}); // source MAC
            frame.putShort((short) 0x0800);
            frame.put((byte) 0x45).put((byte) 0).putShort((short) (20 + 20 + length)).putShort((short) 0);
            frame.putShort((short) 0x4000).put((byte) 64).put((byte) 6).putShort((short) 0);
            frame.put(fromClient ? client : server).put(fromClient ? server : client);
            frame.putShort((short) (fromClient ? clientPort : serverPort));
            frame.putShort((short) (fromClient ? serverPort : clientPort));
            frame.putInt((int) (fromClient ? clientSequence : serverSequence));
            frame.putInt((int) (fromClient ? serverSequence : clientSequence));
            frame.put((byte) 0x50).put((byte) 0x18).putShort((short) 0xFFFF).putInt(0);
            frame.put(data, at, length);
            if (fromClient) {
                clientSequence = (clientSequence + length) & 0xFFFFFFFFL;
            } else {
                serverSequence = (serverSequence + length) & 0xFFFFFFFFL;
            }
            write(frame.array());
        }
    }
}
