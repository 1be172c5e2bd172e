package io.smbench.benchmarks.harness;

import com.hierynomus.msdtyp.AccessMask;
import com.hierynomus.msfscc.FileAttributes;
import com.hierynomus.msfscc.fileinformation.FileIdBothDirectoryInformation;
import com.hierynomus.mssmb2.SMB2CreateDisposition;
import com.hierynomus.mssmb2.SMB2CreateOptions;
import com.hierynomus.mssmb2.SMB2Dialect;
import com.hierynomus.mssmb2.SMB2ShareAccess;
import com.hierynomus.smbj.SMBClient;
import com.hierynomus.smbj.SmbConfig;
import com.hierynomus.smbj.auth.AuthenticationContext;
import com.hierynomus.smbj.connection.Connection;
import com.hierynomus.smbj.share.DiskShare;
import com.hierynomus.smbj.share.File;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/**
 * smbj 0.14.0 (the reference, test scope only). smbj pools connections per host and port inside an
 * {@link SMBClient}, so each session gets its own {@code SMBClient} to have its own connection. Its API is
 * blocking: one READ or WRITE in flight per thread. Read and write buffer sizes are set to the harness's I/O
 * size so that both clients send requests of the same size.
 */
final class SmbjLibrary implements ClientLibrary {
    private final int ioSize;

    SmbjLibrary(int ioSize) {
        this.ioSize = ioSize;
    }

    @Override
    public String name() {
        return "smbj";
    }

    @Override
    public ClientLibrary.Session open(Target target, Security security) throws Exception {
        SmbConfig config = SmbConfig.builder().withDialects(SMB2Dialect.SMB_3_1_1)
                .withSigningRequired(security == Security.SIGNED).withEncryptData(security == Security.ENCRYPTED)
                .withReadBufferSize(ioSize).withWriteBufferSize(ioSize)
                .withTimeout(120, TimeUnit.SECONDS).withSoTimeout(180, TimeUnit.SECONDS).build();
        SMBClient client = new SMBClient(config);
        try {
            Connection connection = client.connect(target.host(), target.port());
            com.hierynomus.smbj.session.Session session = connection.authenticate(new AuthenticationContext(target.user(), target.password(),
                    target.domain()));
            DiskShare share = (DiskShare) session.connectShare(security.share());
            return new SmbjSession(client, connection, session, share);
        } catch (Exception | Error e) {
            client.close();
            throw e;
        }
    }

    private static String smb(String path) {
        return path.replace('/', '\\');
    }

    private record SmbjSession(SMBClient client, Connection connection, com.hierynomus.smbj.session.Session session,
            DiskShare share)
            implements ClientLibrary.Session {
        @Override
        public void createClose(String path) {
            share.openFile(smb(path), EnumSet.of(AccessMask.GENERIC_READ, AccessMask.GENERIC_WRITE),
                    EnumSet.of(FileAttributes.FILE_ATTRIBUTE_NORMAL), SMB2ShareAccess.ALL,
                    SMB2CreateDisposition.FILE_OPEN_IF, EnumSet.of(SMB2CreateOptions.FILE_NON_DIRECTORY_FILE)).close();
        }

        @Override
        public long stat(String path) {
            return share.getFileInformation(smb(path)).getStandardInformation().getEndOfFile();
        }

        @Override
        public int list(String dir) {
            int count = 0;
            for (FileIdBothDirectoryInformation entry : share.list(smb(dir))) {
                if (!".".equals(entry.getFileName()) && !"..".equals(entry.getFileName())) {
                    count++;
                }
            }
            return count;
        }

        @Override
        public long write(String path, long size, byte[] block) {
            long written = 0;
            try (File file = share.openFile(smb(path), EnumSet.of(AccessMask.GENERIC_READ, AccessMask.GENERIC_WRITE),
                    EnumSet.of(FileAttributes.FILE_ATTRIBUTE_NORMAL), SMB2ShareAccess.ALL,
                    SMB2CreateDisposition.FILE_OVERWRITE_IF, EnumSet.of(SMB2CreateOptions.FILE_NON_DIRECTORY_FILE))) {
                for (long at = 0; at < size; at += block.length) {
                    written += file.write(block, at, 0, (int) Math.min(block.length, size - at));
                }
            }
            return written;
        }

        @Override
        public long read(String path, int ioSize, CRC32 crc) {
            byte[] buffer = new byte[ioSize];
            long read = 0;
            try (File file = share.openFile(smb(path), EnumSet.of(AccessMask.GENERIC_READ),
                    EnumSet.of(FileAttributes.FILE_ATTRIBUTE_NORMAL), SMB2ShareAccess.ALL,
                    SMB2CreateDisposition.FILE_OPEN, EnumSet.of(SMB2CreateOptions.FILE_NON_DIRECTORY_FILE))) {
                int n;
                while ((n = file.read(buffer, read, 0, ioSize)) > 0) {
                    if (crc != null) {
                        crc.update(buffer, 0, n);
                    }
                    read += n;
                }
            }
            return read;
        }

        @Override
        public void delete(String path) {
            share.rm(smb(path));
        }

        @Override
        public void close() throws Exception {
            try {
                share.close();
                session.logoff();
                connection.close();
            } finally {
                client.close();
            }
        }
    }
}
