package io.smbench.smb.validation;

import static io.smbench.smb.validation.Lab.ALL_SHARING;
import static io.smbench.smb.validation.Lab.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.smbench.lab.SambaLab;
import io.smbench.lab.SambaTest;
import io.smbench.smb.client.SmbClient;
import io.smbench.smb.client.SmbFile;
import io.smbench.smb.client.SmbTree;
import io.smbench.smb.mserref.NtStatus;
import io.smbench.smb.mssmb2.msg.CreateRequest;
import io.smbench.smb.mssmb2.msg.QueryInfoRequest;
import io.smbench.smb.mssmb2.msg.SetInfoRequest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** QUERY_INFO and SET_INFO (MS-SMB2 3.3.5.20, 3.3.5.21; MS-FSCC 2.4 and 2.5 information classes; MS-DTYP 2.4.6). */
@SambaTest
class InfoBehaviourTest {
    private static final int FILE_BASIC_INFORMATION = 4;
    private static final int FILE_STANDARD_INFORMATION = 5;
    private static final int FILE_FS_SIZE_INFORMATION = 3;

    private static byte[] endOfFile(long size) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(size).array();
    }

    /** The ACEs of a self-relative descriptor's DACL (MS-DTYP 2.4.5 ACL, 2.4.4.1 ACE_HEADER), each as hex. */
    private static List<String> aces(byte[] descriptor) {
        int acl = Lab.le32(descriptor, 16);
        int count = (descriptor[acl + 4] & 0xFF) | (descriptor[acl + 5] & 0xFF) << 8;
        List<String> aces = new java.util.ArrayList<>();
        int at = acl + 8;
        for (int i = 0; i < count; i++) {
            int size = (descriptor[at + 2] & 0xFF) | (descriptor[at + 3] & 0xFF) << 8;
            aces.add(java.util.HexFormat.of().formatHex(descriptor, at, at + size));
            at += size;
        }
        return aces;
    }

    /** MS-FSCC 2.4.41 FileStandardInformation: EndOfFile is what was written; NumberOfLinks 1; not a directory. */
    @Test
    void standardInformationReportsSize_MS_FSCC_2_4_41(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            SmbTree tree = Lab.client(smb, lab).tree();
            SmbFile file = await(tree.create(Lab.file("standard.bin", CreateRequest.FILE_OVERWRITE_IF)));
            await(file.write(0, Unpooled.wrappedBuffer(new byte[5000])));
            byte[] info = await(file.queryInfo(QueryInfoRequest.INFO_FILE, FILE_STANDARD_INFORMATION, 24));
            assertThat(Lab.le64(info, 8)).as("EndOfFile").isEqualTo(5000);
            assertThat(Lab.le32(info, 16)).as("NumberOfLinks").isEqualTo(1);
            assertThat(info[21]).as("Directory").isZero();
            await(file.close());
        }
    }

    /** MS-FSCC 2.4.14 FileEndOfFileInformation: SET_INFO grows and shrinks the file. */
    @Test
    void endOfFileInformationResizes_MS_FSCC_2_4_14(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            SmbTree tree = Lab.client(smb, lab).tree();
            SmbFile file = await(tree.create(Lab.file("resize.bin", CreateRequest.FILE_OVERWRITE_IF)));
            await(file.setInfo(QueryInfoRequest.INFO_FILE, SetInfoRequest.FILE_END_OF_FILE_INFORMATION, endOfFile(1 << 20)));
            assertThat(Lab.le64(await(file.queryInfo(QueryInfoRequest.INFO_FILE, FILE_STANDARD_INFORMATION, 24)), 8))
                    .isEqualTo(1 << 20);
            await(file.setInfo(QueryInfoRequest.INFO_FILE, SetInfoRequest.FILE_END_OF_FILE_INFORMATION, endOfFile(10)));
            assertThat(await(file.close()).endOfFile()).isEqualTo(10);
        }
    }

    /** MS-FSCC 2.4.7 FileBasicInformation: a LastWriteTime set with SET_INFO is what QUERY_INFO returns (zeros mean "keep"). */
    @Test
    void basicInformationSetsTimestamps_MS_FSCC_2_4_7(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            SmbTree tree = Lab.client(smb, lab).tree();
            SmbFile file = await(tree.create(Lab.file("times.txt", CreateRequest.FILE_OVERWRITE_IF)));
            long lastWrite = 132_000_000_000_000_000L; // 2019-04-14, in 100 ns since 1601
            byte[] basic = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN)
                    .putLong(0).putLong(0).putLong(lastWrite).putLong(0).putInt(0).putInt(0).array();
            await(file.setInfo(QueryInfoRequest.INFO_FILE, FILE_BASIC_INFORMATION, basic));
            byte[] info = await(file.queryInfo(QueryInfoRequest.INFO_FILE, FILE_BASIC_INFORMATION, 40));
            assertThat(Lab.le64(info, 16)).isEqualTo(lastWrite);
            await(file.close());
        }
    }

    /**
     * MS-SMB2 3.3.5.20.1: an OutputBufferLength smaller than the fixed part of the class fails with
     * STATUS_INFO_LENGTH_MISMATCH (FileStandardInformation is 24 bytes).
     */
    @Test
    void tooSmallOutputBufferIsLengthMismatch_3_3_5_20_1(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            SmbTree tree = Lab.client(smb, lab).tree();
            SmbFile file = await(tree.create(Lab.file("small-buffer.txt", CreateRequest.FILE_OVERWRITE_IF)));
            assertThat(NtStatus.describe(Lab.statusOf(file.queryInfo(QueryInfoRequest.INFO_FILE,
                    FILE_STANDARD_INFORMATION, 8)))).isEqualTo("STATUS_INFO_LENGTH_MISMATCH");
            await(file.close());
        }
    }

    /** MS-FSCC 2.5.8 FileFsSizeInformation: the share's volume has allocation units and a sector size. */
    @Test
    void filesystemSizeInformation_MS_FSCC_2_5_8(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            SmbTree tree = Lab.client(smb, lab).tree();
            SmbFile root = await(tree.create(Lab.directory("", CreateRequest.FILE_OPEN)));
            byte[] info = await(root.queryInfo(QueryInfoRequest.INFO_FILESYSTEM, FILE_FS_SIZE_INFORMATION, 24));
            long total = Lab.le64(info, 0);
            long available = Lab.le64(info, 8);
            assertThat(total).isPositive();
            assertThat(available).isBetween(0L, total);
            assertThat(Lab.le32(info, 20)).as("BytesPerSector").isPositive();
            await(root.close());
        }
    }

    /**
     * MS-SMB2 3.3.5.20.3 and 3.3.5.21.3, MS-DTYP 2.4.6: QUERY_INFO SMB2_0_INFO_SECURITY returns a
     * self-relative descriptor (Revision 1, SE_SELF_RELATIVE) with the owner and DACL asked for, and
     * SET_INFO of that DACL back is accepted. Windows would then return the same DACL; Samba maps it
     * onto POSIX ACLs and answers with the mapping, which keeps every ACE set but can add entries
     * (the owner's and group's POSIX entries appear twice). We accept that: no access is lost.
     */
    @Test
    void querysAndSetsSecurityDescriptor_3_3_5_21_3(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            SmbTree tree = Lab.client(smb, lab).tree();
            SmbFile file = await(tree.create(Lab.open("secured.txt", 0, Lab.READ_WRITE | 0x00040000 /* WRITE_DAC */
                    | 0x00020000 /* READ_CONTROL */, ALL_SHARING, CreateRequest.FILE_OPEN_IF, 0, List.of())));
            int wanted = SmbFile.OWNER_SECURITY_INFORMATION | SmbFile.DACL_SECURITY_INFORMATION;
            byte[] descriptor = await(file.querySecurity(wanted));
            assertThat(descriptor[0]).as("Revision").isEqualTo((byte) 1);
            int control = (descriptor[2] & 0xFF) | (descriptor[3] & 0xFF) << 8;
            assertThat(control & 0x8000).as("SE_SELF_RELATIVE").isNotZero();
            assertThat(control & 0x0004).as("SE_DACL_PRESENT").isNotZero();
            assertThat(Lab.le32(descriptor, 4)).as("OffsetOwner").isPositive();
            assertThat(Lab.le32(descriptor, 16)).as("OffsetDacl").isPositive();

            byte[] daclOnly = await(file.querySecurity(SmbFile.DACL_SECURITY_INFORMATION));
            await(file.setSecurity(SmbFile.DACL_SECURITY_INFORMATION, daclOnly));
            List<String> before = aces(daclOnly);
            assertThat(before).isNotEmpty();
            assertThat(aces(await(file.querySecurity(SmbFile.DACL_SECURITY_INFORMATION)))).containsAll(before);
            await(file.close());
        }
    }
}
