package io.smbench.fuzz.live;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.smbench.smb.client.BodyWriter;
import io.smbench.smb.mssmb2.Smb2Command;
import io.smbench.smb.mssmb2.Smb2Header;
import io.smbench.smb.mssmb2.msg.CloseRequest;
import io.smbench.smb.mssmb2.msg.CreateContext;
import io.smbench.smb.mssmb2.msg.CreateRequest;
import io.smbench.smb.mssmb2.msg.DurableContext;
import io.smbench.smb.mssmb2.msg.FileId;
import io.smbench.smb.mssmb2.msg.IoctlRequest;
import io.smbench.smb.mssmb2.msg.LeaseContext;
import io.smbench.smb.mssmb2.msg.LockRequest;
import io.smbench.smb.mssmb2.msg.QueryDirectoryRequest;
import io.smbench.smb.mssmb2.msg.QueryInfoRequest;
import io.smbench.smb.mssmb2.msg.ReadRequest;
import io.smbench.smb.mssmb2.msg.SetInfoRequest;
import io.smbench.smb.mssmb2.msg.WriteRequest;
import java.util.List;
import java.util.UUID;

/**
 * Request chains encoded the way SmbConnection frames them (header, body, 8-byte padding between
 * compounded messages, NextCommand links), with fixed MessageIds, TreeId, SessionId and FileIds.
 */
final class TemplateChains {
    static final long SESSION_ID = 0x1122334455667788L;
    static final int TREE_ID = 0x0A0B0C0D;
    static final FileId FILE = new FileId(0x0102030405060708L, 0x1112131415161718L);

    record Message(int command, BodyWriter body) {}

    record Chain(ByteBuf bytes, int[] starts) {}

    private TemplateChains() {}

    static Chain encode(List<Message> messages, boolean related) {
        ByteBuf frame = Unpooled.buffer();
        int[] starts = new int[messages.size()];
        for (int i = 0; i < messages.size(); i++) {
            if (i > 0) {
                frame.writeZero((8 - frame.writerIndex() % 8) % 8);
                frame.setIntLE(starts[i - 1] + Smb2Header.NEXT_COMMAND, frame.writerIndex() - starts[i - 1]);
            }
            starts[i] = frame.writerIndex();
            int flags = related && i > 0 ? Smb2Header.FLAG_RELATED_OPERATIONS : 0;
            Smb2Header.writeRequest(frame, messages.get(i).command(), 1, 256, flags, 100 + i, TREE_ID, SESSION_ID);
            messages.get(i).body().write(frame, starts[i]);
        }
        return new Chain(frame, starts);
    }

    static CreateRequest createWithContexts() {
        List<CreateContext> contexts = List.of(new CreateContext("MxAc", new byte[0]),
                new LeaseContext(new byte[16], LeaseContext.READ, 0, null, 0, 2).toCreateContext(),
                DurableContext.v2(60_000, false, new UUID(1, 2)));
        return new CreateRequest(CreateRequest.OPLOCK_LEASE, CreateRequest.IMPERSONATION_IMPERSONATION,
                CreateRequest.GENERIC_READ, CreateRequest.FILE_ATTRIBUTE_NORMAL, CreateRequest.SHARE_READ,
                CreateRequest.FILE_OVERWRITE_IF, CreateRequest.FILE_DELETE_ON_CLOSE, "dir\\file.bin", contexts);
    }

    /** One chain per kind of request the seed sequences send. */
    static List<Chain> all() {
        return List.of(
                encode(List.of(new Message(Smb2Command.CREATE, createWithContexts())), false),
                encode(List.of(new Message(Smb2Command.WRITE, new WriteRequest(FILE, 0,
                        Unpooled.wrappedBuffer(new byte[100])))), false),
                encode(List.of(new Message(Smb2Command.READ, new ReadRequest(FILE, 0, 4096, 0))), false),
                encode(List.of(new Message(Smb2Command.LOCK, new LockRequest(FILE, List.of(
                        new LockRequest.Element(10, 20, LockRequest.EXCLUSIVE))))), false),
                encode(List.of(new Message(Smb2Command.IOCTL, new IoctlRequest(
                        IoctlRequest.FSCTL_VALIDATE_NEGOTIATE_INFO, -1, -1, new byte[28], 24, true))), false),
                encode(List.of(new Message(Smb2Command.QUERY_DIRECTORY, new QueryDirectoryRequest(0x25, 1, FILE, "*",
                        65536))), false),
                encode(List.of(new Message(Smb2Command.SET_INFO, new SetInfoRequest(1, 20, 0, FILE, new byte[8]))), false),
                encode(List.of(new Message(Smb2Command.QUERY_INFO, new QueryInfoRequest(1, 5, 4096, 0, FILE))), false),
                encode(List.of(new Message(Smb2Command.CREATE, createWithContexts()),
                        new Message(Smb2Command.READ, new ReadRequest(FileId.RELATED, 0, 4096, 0)),
                        new Message(Smb2Command.CLOSE, new CloseRequest(FileId.RELATED, false))), true));
    }
}
