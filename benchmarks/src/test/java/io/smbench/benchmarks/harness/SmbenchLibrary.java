package io.smbench.benchmarks.harness;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.smbench.smb.client.ClientConfig;
import io.smbench.smb.client.SmbClient;
import io.smbench.smb.client.SmbFile;
import io.smbench.smb.client.SmbPaths;
import io.smbench.smb.client.SmbTree;
import io.smbench.smb.mssmb2.Dialect;
import io.smbench.smb.mssmb2.msg.CreateRequest;
import io.smbench.smb.mssmb2.msg.QueryInfoRequest;
import io.smbench.smb.ntlm.NtlmCredentials;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/**
 * smbench's own client ({@code io.smbench.smb.client}): every session shares one {@link SmbClient} (one Netty
 * event loop group of two threads), each with its own connection. Sequential transfers keep up to {@code depth}
 * READ or WRITE requests in flight.
 */
final class SmbenchLibrary implements ClientLibrary {
    /** FileAllInformation (MS-FSCC 2.4.2). */
    private static final int FILE_ALL_INFORMATION = 18;
    /** FileAllInformation: BasicInformation (40 bytes), then StandardInformation's AllocationSize, EndOfFile. */
    private static final int END_OF_FILE_OFFSET = 48;
    private static final long TIMEOUT_SECONDS = 120;

    private final SmbClient client = new SmbClient(2);
    private final int depth;

    SmbenchLibrary(int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be at least 1");
        }
        this.depth = depth;
    }

    @Override
    public String name() {
        return depth == 1 ? "smbench" : "smbench-d" + depth;
    }

    @Override
    public Session open(Target target, Security security) throws Exception {
        ClientConfig config = ClientConfig.defaults().withDialects(List.of(Dialect.SMB_3_1_1))
                .withSigning(security == Security.SIGNED).withEncryption(security == Security.ENCRYPTED)
                .withRequestTimeout(Duration.ofSeconds(TIMEOUT_SECONDS));
        SmbTree tree = client.connectTree(target.host(), target.port(), security.share(), config,
                new NtlmCredentials(target.user(), target.domain(), target.password())).get(60, TimeUnit.SECONDS);
        if (security == Security.SIGNED && !tree.session().signs()) {
            throw new IllegalStateException("smbench session is not signing");
        }
        if (security == Security.ENCRYPTED && !tree.encrypts()) {
            throw new IllegalStateException("smbench tree is not encrypting");
        }
        return new SmbenchSession(tree, depth);
    }

    @Override
    public void close() {
        client.close();
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static CreateRequest create(String path, int access, int disposition, int options) {
        return new CreateRequest(CreateRequest.OPLOCK_NONE, CreateRequest.IMPERSONATION_IMPERSONATION, access,
                CreateRequest.FILE_ATTRIBUTE_NORMAL,
                CreateRequest.SHARE_READ | CreateRequest.SHARE_WRITE | CreateRequest.SHARE_DELETE, disposition, options,
                SmbPaths.toSmb(path), List.of());
    }

    record SmbenchSession(SmbTree tree, int depth) implements Session {
        @Override
        public void createClose(String path) throws Exception {
            SmbFile file = await(tree.create(create(path, CreateRequest.GENERIC_READ | CreateRequest.GENERIC_WRITE,
                    CreateRequest.FILE_OPEN_IF, CreateRequest.FILE_NON_DIRECTORY_FILE)));
            await(file.close());
        }

        @Override
        public long stat(String path) throws Exception {
            SmbFile file = await(tree.create(create(path, CreateRequest.FILE_READ_ATTRIBUTES, CreateRequest.FILE_OPEN,
                    0)));
            try {
                byte[] info = await(file.queryInfo(QueryInfoRequest.INFO_FILE, FILE_ALL_INFORMATION, 4096));
                return ByteBuffer.wrap(info).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong(END_OF_FILE_OFFSET);
            } finally {
                await(file.close());
            }
        }

        @Override
        public int list(String dir) throws Exception {
            return await(tree.list(dir, "*")) - 2; // Samba lists "." and ".." first
        }

        @Override
        public long write(String path, long size, byte[] block) throws Exception {
            SmbFile file = await(tree.create(create(path, CreateRequest.GENERIC_READ | CreateRequest.GENERIC_WRITE,
                    CreateRequest.FILE_OVERWRITE_IF, CreateRequest.FILE_NON_DIRECTORY_FILE)));
            ByteBuf data = Unpooled.wrappedBuffer(block);
            ArrayDeque<CompletableFuture<Long>> inFlight = new ArrayDeque<>();
            long written = 0;
            try {
                for (long at = 0; at < size; at += block.length) {
                    if (inFlight.size() == depth) {
                        written += await(inFlight.poll());
                    }
                    int length = (int) Math.min(block.length, size - at);
                    inFlight.add(file.write(at, data.slice(0, length)));
                }
                while (!inFlight.isEmpty()) {
                    written += await(inFlight.poll());
                }
            } finally {
                await(file.close());
            }
            return written;
        }

        @Override
        public long read(String path, int ioSize, CRC32 crc) throws Exception {
            SmbFile file = await(tree.create(create(path, CreateRequest.GENERIC_READ, CreateRequest.FILE_OPEN,
                    CreateRequest.FILE_NON_DIRECTORY_FILE)));
            long size = file.created().endOfFile();
            ArrayDeque<CompletableFuture<ByteBuf>> inFlight = new ArrayDeque<>();
            long read = 0;
            try {
                for (long at = 0; at < size; at += ioSize) {
                    if (inFlight.size() == depth) {
                        read += consume(await(inFlight.poll()), crc);
                    }
                    inFlight.add(file.read(at, (int) Math.min(ioSize, size - at)));
                }
                while (!inFlight.isEmpty()) {
                    read += consume(await(inFlight.poll()), crc);
                }
            } finally {
                while (!inFlight.isEmpty()) {
                    inFlight.poll().thenAccept(ByteBuf::release);
                }
                await(file.close());
            }
            return read;
        }

        private static int consume(ByteBuf data, CRC32 crc) {
            try {
                int length = data.readableBytes();
                if (crc != null) {
                    for (ByteBuffer part : data.nioBuffers()) {
                        crc.update(part);
                    }
                }
                return length;
            } finally {
                data.release();
            }
        }

        @Override
        public void delete(String path) throws Exception {
            await(tree.delete(path));
        }

        /** Creates a directory; one that exists already is fine. */
        void mkdirs(String path) throws Exception {
            try {
                await(tree.mkdir(path));
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof io.smbench.smb.client.SmbStatusException s)
                        || s.status() != io.smbench.smb.mserref.NtStatus.STATUS_OBJECT_NAME_COLLISION) {
                    throw e;
                }
            }
        }

        @Override
        public void close() throws Exception {
            try {
                await(tree.disconnect());
                await(tree.session().logoff());
            } finally {
                tree.session().connection().close();
            }
        }
    }
}
