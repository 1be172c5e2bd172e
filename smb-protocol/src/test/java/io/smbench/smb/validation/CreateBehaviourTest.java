package io.smbench.smb.validation;

import static io.smbench.smb.validation.Lab.ALL_SHARING;
import static io.smbench.smb.validation.Lab.READ_WRITE;
import static io.smbench.smb.validation.Lab.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.smbench.smb.client.Smb2Response;
import io.smbench.smb.mssmb2.Smb2Command;
import io.smbench.smb.mssmb2.msg.ReadRequest;
import io.smbench.lab.SambaLab;
import io.smbench.lab.SambaTest;
import io.smbench.smb.client.SmbClient;
import io.smbench.smb.client.SmbFile;
import io.smbench.smb.client.SmbTree;
import io.smbench.smb.mserref.NtStatus;
import io.smbench.smb.mssmb2.msg.CreateContext;
import io.smbench.smb.mssmb2.msg.CreateRequest;
import io.smbench.smb.mssmb2.msg.CreateResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CREATE dispositions, options, share modes and create contexts (MS-SMB2 2.2.13, 2.2.14,
 * 3.3.5.9; MS-FSCC 2.1.5 via the object store). Each test states the rule it checks.
 */
@SambaTest
class CreateBehaviourTest {
    private static String status(int code) {
        return NtStatus.describe(code);
    }

    /** MS-SMB2 2.2.14 CreateAction: FILE_OVERWRITE_IF on an existing file reports FILE_OVERWRITTEN and truncates it. */
    @Test
    void overwriteIfTruncatesAndReportsOverwritten_2_2_14(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            SmbTree tree = Lab.client(smb, lab).tree();
            Lab.put(tree, "overwrite.txt", "twelve bytes");
            SmbFile again = await(tree.create(Lab.file("overwrite.txt", CreateRequest.FILE_OVERWRITE_IF)));
            assertThat(again.created().createAction()).isEqualTo(CreateResponse.FILE_OVERWRITTEN);
            assertThat(again.created().endOfFile()).isZero();
            await(again.close());
        }
    }

    /** MS-SMB2 2.2.14 CreateAction: FILE_SUPERSEDE on an existing file reports FILE_SUPERSEDED. */
    @Test
    void supersedeReportsSuperseded_2_2_14(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            SmbTree tree = Lab.client(smb, lab).tree();
            Lab.put(tree, "supersede.txt", "old content");
            SmbFile again = await(tree.create(Lab.file("supersede.txt", CreateRequest.FILE_SUPERSEDE)));
            assertThat(again.created().createAction()).isEqualTo(CreateResponse.FILE_SUPERSEDED);
            assertThat(again.created().endOfFile()).isZero();
            await(again.close());
        }
    }

    /** MS-FSCC / MS-SMB2 3.3.5.9: FILE_OPEN of a missing name fails; a missing parent is a path error. */
    @Test
    void openOfMissingNameAndMissingParent_3_3_5_9(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            SmbTree tree = Lab.client(smb, lab).tree();
            assertThat(status(Lab.statusOf(tree.create(Lab.file("absent.txt", CreateRequest.FILE_OPEN)))))
                    .isEqualTo("STATUS_OBJECT_NAME_NOT_FOUND");
            assertThat(status(Lab.statusOf(tree.create(Lab.file("no-dir\\absent.txt", CreateRequest.FILE_OPEN)))))
                    .isEqualTo("STATUS_OBJECT_PATH_NOT_FOUND");
            assertThat(status(Lab.statusOf(tree.create(Lab.file("absent.txt", CreateRequest.FILE_OVERWRITE)))))
                    .as("FILE_OVERWRITE needs an existing file").isEqualTo("STATUS_OBJECT_NAME_NOT_FOUND");
        }
    }

    /** MS-SMB2 3.3.5.9: a second open whose access conflicts with the first's ShareAccess gets STATUS_SHARING_VIOLATION. */
    @Test
    void shareModeConflictIsASharingViolation_3_3_5_9(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            SmbTree a = Lab.client(smb, lab).tree();
            SmbTree b = Lab.client(smb, lab).tree();
            SmbFile readersOnly = await(a.create(Lab.open("shared-read.txt", 0, READ_WRITE, CreateRequest.SHARE_READ,
                    CreateRequest.FILE_OPEN_IF, 0, List.of())));
            assertThat(status(Lab.statusOf(b.create(Lab.open("shared-read.txt", 0, CreateRequest.GENERIC_WRITE,
                    ALL_SHARING, CreateRequest.FILE_OPEN, 0, List.of()))))).isEqualTo("STATUS_SHARING_VIOLATION");
            SmbFile reader = await(b.create(Lab.open("shared-read.txt", 0, CreateRequest.GENERIC_READ, ALL_SHARING,
                    CreateRequest.FILE_OPEN, 0, List.of())));
            await(reader.close());
            await(readersOnly.close());
        }
    }

    /** MS-FSCC 2.1.5.1 via MS-SMB2 3.3.5.9: FILE_DIRECTORY_FILE on a file and FILE_NON_DIRECTORY_FILE on a directory fail. */
    @Test
    void directoryOptionsMustMatchTheObject_3_3_5_9(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            SmbTree tree = Lab.client(smb, lab).tree();
            Lab.put(tree, "plain.txt", "x");
            await(tree.mkdir("a-dir"));
            assertThat(status(Lab.statusOf(tree.create(Lab.directory("plain.txt", CreateRequest.FILE_OPEN)))))
                    .isEqualTo("STATUS_NOT_A_DIRECTORY");
            assertThat(status(Lab.statusOf(tree.create(Lab.open("a-dir", 0, CreateRequest.GENERIC_READ, ALL_SHARING,
                    CreateRequest.FILE_OPEN, CreateRequest.FILE_NON_DIRECTORY_FILE, List.of())))))
                    .isEqualTo("STATUS_FILE_IS_A_DIRECTORY");
        }
    }

    /** MS-SMB2 2.2.13.2.5 and 2.2.14.2.5: an MxAc context is answered with QueryStatus and MaximalAccess. */
    @Test
    void answersMaximalAccessContext_2_2_14_2_5(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            SmbTree tree = Lab.client(smb, lab).tree();
            SmbFile file = await(tree.create(Lab.open("mxac.txt", 0, CreateRequest.GENERIC_READ, ALL_SHARING,
                    CreateRequest.FILE_OPEN_IF, 0, List.of(new CreateContext("MxAc", new byte[0])))));
            byte[] answer = file.created().context("MxAc");
            assertThat(answer).hasSize(8);
            assertThat(Lab.le32(answer, 0)).as("QueryStatus").isZero();
            int maximal = Lab.le32(answer, 4);
            assertThat(maximal & 0x1).as("FILE_READ_DATA").isNotZero();
            assertThat(maximal & 0x2).as("FILE_WRITE_DATA for the owner").isNotZero();
            await(file.close());
        }
    }

    /** MS-SMB2 2.2.13.2.9 and 2.2.14.2.9: a QFid context is answered with a 32-byte on-disk file id, stable across opens. */
    @Test
    void answersQueryOnDiskIdContext_2_2_14_2_9(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            SmbTree tree = Lab.client(smb, lab).tree();
            List<CreateContext> qfid = List.of(new CreateContext("QFid", new byte[0]));
            SmbFile first = await(tree.create(Lab.open("qfid.txt", 0, CreateRequest.GENERIC_READ, ALL_SHARING,
                    CreateRequest.FILE_OPEN_IF, 0, qfid)));
            byte[] id = first.created().context("QFid");
            await(first.close());
            SmbFile second = await(tree.create(Lab.open("qfid.txt", 0, CreateRequest.GENERIC_READ, ALL_SHARING,
                    CreateRequest.FILE_OPEN, 0, qfid)));
            assertThat(id).hasSize(32).isNotEqualTo(new byte[32]);
            assertThat(second.created().context("QFid")).isEqualTo(id);
            await(second.close());
        }
    }

    /** MS-SMB2 3.3.5.13 and 3.3.5.12: reading at or past end of file fails with STATUS_END_OF_FILE; a short read returns what exists. */
    @Test
    void readsPastEndOfFile_3_3_5_12(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            SmbTree tree = Lab.client(smb, lab).tree();
            Lab.put(tree, "short.txt", "0123456789");
            SmbFile file = await(tree.create(Lab.file("short.txt", CreateRequest.FILE_OPEN)));
            assertThat(Lab.read(file, 100)).isEqualTo("0123456789");
            ByteBuf none = await(file.read(10, 5));
            assertThat(none.readableBytes()).as("the client turns end of file into an empty read").isZero();
            none.release();
            // On the wire: READ at the end answers STATUS_END_OF_FILE (3.3.5.12).
            try (Smb2Response raw = await(tree.session().connection().send(tree.request(Smb2Command.READ,
                    new ReadRequest(file.fileId(), 10, 5, 0))))) {
                assertThat(status(raw.status())).isEqualTo("STATUS_END_OF_FILE");
            }
            await(file.close());
        }
    }

    /** MS-SMB2 3.3.5.11 FLUSH and 3.3.5.10 CLOSE with SMB2_CLOSE_FLAG_POSTQUERY_ATTRIB: attributes and size come back. */
    @Test
    void closeWithPostQueryReturnsSize_3_3_5_10(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            SmbTree tree = Lab.client(smb, lab).tree();
            SmbFile file = await(tree.create(Lab.file("postquery.txt", CreateRequest.FILE_OVERWRITE_IF)));
            await(file.write(0, Unpooled.wrappedBuffer(new byte[1234])));
            await(file.flush());
            var closed = await(file.close());
            assertThat(closed.flags() & 1).as("SMB2_CLOSE_FLAG_POSTQUERY_ATTRIB echoed").isEqualTo(1);
            assertThat(closed.endOfFile()).isEqualTo(1234);
            assertThat(closed.fileAttributes() & 0x10).as("not a directory").isZero();
        }
    }
}
