package io.smbench.smb.validation;

import static io.smbench.smb.validation.Lab.ALL_SHARING;
import static io.smbench.smb.validation.Lab.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.smbench.lab.SambaLab;
import io.smbench.lab.SambaTest;
import io.smbench.smb.client.BreakPolicy;
import io.smbench.smb.client.SmbClient;
import io.smbench.smb.client.SmbFile;
import io.smbench.smb.client.SmbTree;
import io.smbench.smb.mssmb2.Dialect;
import io.smbench.smb.mssmb2.fsctl.CopyChunk;
import io.smbench.smb.mssmb2.fsctl.NetworkInterfaceInfo;
import io.smbench.smb.mssmb2.fsctl.ResumeKey;
import io.smbench.smb.mssmb2.msg.CreateRequest;
import java.net.InetAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * IOCTL/FSCTL requests a replay issues by name (MS-SMB2 3.3.5.15): server-side copy, sparse files,
 * network interface discovery, named-pipe transceive.
 */
@SambaTest
class FsctlBehaviourTest {
    private static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /**
     * MS-SMB2 3.3.5.15.5 and 3.3.5.15.6: a resume key names the source open; FSCTL_SRV_COPYCHUNK
     * on the target copies the ranges inside the server and reports chunks and bytes written.
     */
    @Test
    void copiesChunksServerSide_3_3_5_15_6(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            SmbTree tree = Lab.client(smb, lab).tree();
            byte[] content = randomBytes(200_000, 7);
            SmbFile source = await(tree.create(Lab.file("copy-src.bin", CreateRequest.FILE_OVERWRITE_IF)));
            await(source.write(0, Unpooled.wrappedBuffer(content)));
            ResumeKey key = await(source.requestResumeKey());
            SmbFile target = await(tree.create(Lab.file("copy-dst.bin", CreateRequest.FILE_OVERWRITE_IF)));
            CopyChunk.Result result = await(target.copyChunk(new CopyChunk(key, List.of(
                    new CopyChunk.Range(0, 0, 100_000), new CopyChunk.Range(100_000, 100_000, 100_000))), false));
            assertThat(result.limits()).isFalse();
            assertThat(result.chunksWritten()).isEqualTo(2);
            assertThat(result.totalBytesWritten()).isEqualTo(200_000);
            var copied = await(target.read(0, 200_000));
            try {
                byte[] bytes = new byte[copied.readableBytes()];
                copied.readBytes(bytes);
                assertThat(HexFormat.of().formatHex(bytes)).isEqualTo(HexFormat.of().formatHex(content));
            } finally {
                copied.release();
            }
            await(target.close());
            await(source.close());
        }
    }

    /**
     * MS-SMB2 3.3.5.15.6.2: a copy past the server's limits is refused with STATUS_INVALID_PARAMETER
     * and the response carries the limits (Windows: 256 chunks, 1 MiB per chunk, 16 MiB in all;
     * Samba advertises the same numbers).
     */
    @Test
    void reportsCopyChunkLimitsWhenExceeded_3_3_5_15_6_2(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            SmbTree tree = Lab.client(smb, lab).tree();
            SmbFile source = await(tree.create(Lab.file("limits-src.bin", CreateRequest.FILE_OVERWRITE_IF)));
            await(source.write(0, Unpooled.wrappedBuffer(new byte[4096])));
            ResumeKey key = await(source.requestResumeKey());
            SmbFile target = await(tree.create(Lab.file("limits-dst.bin", CreateRequest.FILE_OVERWRITE_IF)));
            List<CopyChunk.Range> tooMany = java.util.stream.IntStream.range(0, 300)
                    .mapToObj(i -> new CopyChunk.Range(0, i * 16L, 16)).toList();
            CopyChunk.Result limits = await(target.copyChunk(new CopyChunk(key, tooMany), false));
            assertThat(limits.limits()).isTrue();
            assertThat(limits.chunksWritten()).as("maximum chunks").isBetween(1L, 299L);
            assertThat(limits.chunkBytesWritten()).as("maximum chunk size").isPositive();
            assertThat(limits.totalBytesWritten()).as("maximum total").isGreaterThanOrEqualTo(limits.chunkBytesWritten());
            await(target.close());
            await(source.close());
        }
    }

    /** MS-FSCC 2.3.64 and 2.6: FSCTL_SET_SPARSE sets FILE_ATTRIBUTE_SPARSE_FILE (0x200), and clears it again. */
    @Test
    void setSparseTogglesTheSparseAttribute_MS_FSCC_2_3_64(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            SmbTree tree = Lab.client(smb, lab).tree();
            SmbFile file = await(tree.create(Lab.file("sparse.bin", CreateRequest.FILE_OVERWRITE_IF)));
            await(file.setSparse(true));
            SmbFile look = await(tree.create(Lab.open("sparse.bin", 0, CreateRequest.FILE_READ_ATTRIBUTES, ALL_SHARING,
                    CreateRequest.FILE_OPEN, 0, List.of())));
            assertThat(look.created().fileAttributes() & 0x200).isEqualTo(0x200);
            await(look.close());
            await(file.setSparse(false));
            assertThat(await(file.close()).fileAttributes() & 0x200).isZero();
        }
    }

    /**
     * MS-SMB2 3.3.5.15.11: on 3.x with multichannel the server lists its interfaces; this lab's
     * Samba binds 127.0.0.1 only ("bind interfaces only"), so that address is among them.
     */
    @Test
    void listsNetworkInterfaces_3_3_5_15_11(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            SmbTree tree = Lab.client(smb, lab).tree();
            assertThat(tree.session().negotiation().serverCapabilities() & 0x8).as("SMB2_GLOBAL_CAP_MULTI_CHANNEL")
                    .isEqualTo(0x8);
            List<NetworkInterfaceInfo> interfaces = await(tree.queryNetworkInterfaces());
            assertThat(interfaces).isNotEmpty();
            assertThat(interfaces).extracting(i -> i.address().getAddress())
                    .contains(InetAddress.getByName(lab.host()));
            assertThat(interfaces).allSatisfy(i -> assertThat(i.ifIndex()).isNotZero());
        }
    }

    /**
     * MS-SMB2 3.3.5.15.2 and MS-FSCC 2.3.41: FSCTL_PIPE_TRANSCEIVE on an open of the srvsvc pipe on
     * IPC$ carries a DCE/RPC bind (C706 12.6.4.3) and returns the server's bind_ack (packet type 12).
     */
    @Test
    void transceivesOnANamedPipe_3_3_5_15_2(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            SmbTree ipc = Lab.client(smb, lab, Dialect.SMB_3_1_1, "IPC$", BreakPolicy.IMMEDIATE).tree();
            SmbFile pipe = await(ipc.create(Lab.open("srvsvc", 0, CreateRequest.GENERIC_READ | CreateRequest.GENERIC_WRITE,
                    CreateRequest.SHARE_READ | CreateRequest.SHARE_WRITE, CreateRequest.FILE_OPEN, 0, List.of())));
            byte[] reply = await(pipe.transceive(srvsvcBind(), 4280));
            assertThat(reply[0]).as("rpc_vers").isEqualTo((byte) 5);
            assertThat(reply[2]).as("PTYPE bind_ack").isEqualTo((byte) 12);
            assertThat(Lab.le32(reply, 12)).as("call_id echoed").isEqualTo(1);
            await(pipe.close());
        }
    }

    /** A DCE/RPC bind PDU for srvsvc 3.0 over NDR 2.0, call_id 1. */
    private static byte[] srvsvcBind() {
        String hex = "05000b03" + "10000000" + "4800" + "0000" + "01000000" // header: v5.0 bind, first|last, frag 72
                + "b810" + "b810" + "00000000" // max xmit/recv 4280, assoc group 0
                + "01000000" // one context
                + "0000" + "0100" // context id 0, one transfer syntax
                + "c84f324b7016d30112785a47bf6ee188" + "03000000" // srvsvc 4b324fc8-1670-01d3-1278-5a47bf6ee188 v3.0
                + "045d888aeb1cc9119fe808002b104860" + "02000000"; // NDR 8a885d04-1ceb-11c9-9fe8-08002b104860 v2
        return HexFormat.of().parseHex(hex);
    }
}
