package io.smbench.smb.validation;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.smbench.lab.SambaLab;
import io.smbench.smb.client.BreakEvent;
import io.smbench.smb.client.BreakPolicy;
import io.smbench.smb.client.ClientConfig;
import io.smbench.smb.client.SmbClient;
import io.smbench.smb.client.SmbFile;
import io.smbench.smb.client.SmbStatusException;
import io.smbench.smb.client.SmbTree;
import io.smbench.smb.mssmb2.Dialect;
import io.smbench.smb.mssmb2.msg.CreateContext;
import io.smbench.smb.mssmb2.msg.CreateRequest;
import io.smbench.smb.ntlm.NtlmCredentials;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** What the validation tests share: logging on to the lab Samba as a fresh client, and building CREATEs. */
final class Lab {
    static final int ALL_SHARING = CreateRequest.SHARE_READ | CreateRequest.SHARE_WRITE | CreateRequest.SHARE_DELETE;
    static final int READ_WRITE = CreateRequest.GENERIC_READ | CreateRequest.GENERIC_WRITE;

    private Lab() {
    }

    /** A logged-on client with its own ClientGuid, and the breaks its connection received. */
    record Client(SmbTree tree, List<BreakEvent> breaks) {
        SmbFile create(CreateRequest request) throws Exception {
            return await(tree.create(request));
        }
    }

    static Client client(SmbClient smb, SambaLab lab) throws Exception {
        return client(smb, lab, Dialect.SMB_3_1_1, "open", BreakPolicy.IMMEDIATE);
    }

    static Client client(SmbClient smb, SambaLab lab, Dialect dialect, String share, BreakPolicy policy)
            throws Exception {
        ClientConfig config = ClientConfig.defaults().withDialects(List.of(dialect)).withClientGuid(UUID.randomUUID());
        SmbTree tree = smb.connectTree(lab.host(), lab.port(), share, config,
                new NtlmCredentials(lab.user(), lab.domain(), lab.password())).get(10, TimeUnit.SECONDS);
        List<BreakEvent> breaks = new CopyOnWriteArrayList<>();
        tree.session().connection().onBreak(breaks::add);
        tree.session().connection().breakPolicy(policy);
        return new Client(tree, breaks);
    }

    static CreateRequest open(String name, int oplock, int access, int share, int disposition, int options,
            List<CreateContext> contexts) {
        return new CreateRequest(oplock, CreateRequest.IMPERSONATION_IMPERSONATION, access,
                CreateRequest.FILE_ATTRIBUTE_NORMAL, share, disposition, options, name, contexts);
    }

    static CreateRequest file(String name, int disposition) {
        return open(name, CreateRequest.OPLOCK_NONE, READ_WRITE, ALL_SHARING, disposition, 0, List.of());
    }

    static CreateRequest directory(String name, int disposition) {
        return new CreateRequest(0, CreateRequest.IMPERSONATION_IMPERSONATION,
                0x1 /* FILE_LIST_DIRECTORY */ | CreateRequest.FILE_READ_ATTRIBUTES | CreateRequest.DELETE, 0x10,
                ALL_SHARING, disposition, CreateRequest.FILE_DIRECTORY_FILE, name, List.of());
    }

    /** Writes {@code text} to a new file {@code name} and closes it. */
    static void put(SmbTree tree, String name, String text) throws Exception {
        SmbFile file = await(tree.create(file(name, CreateRequest.FILE_OVERWRITE_IF)));
        await(file.write(0, Unpooled.copiedBuffer(text, StandardCharsets.UTF_8)));
        await(file.close());
    }

    static String read(SmbFile file, int length) throws Exception {
        ByteBuf data = await(file.read(0, length));
        try {
            return new String(ByteBufUtil.getBytes(data), StandardCharsets.UTF_8);
        } finally {
            data.release();
        }
    }

    static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    /** The NTSTATUS the operation ended with: 0 on success, the server's status on a refusal. */
    static int statusOf(CompletableFuture<?> future) throws Exception {
        try {
            future.get(10, TimeUnit.SECONDS);
            return 0;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SmbStatusException refused) {
                return refused.status();
            }
            throw e;
        }
    }

    static int le32(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }

    static long le64(byte[] b, int at) {
        return (le32(b, at) & 0xFFFFFFFFL) | (long) le32(b, at + 4) << 32;
    }
}
