package io.smbench.smb.validation;

import static io.smbench.smb.validation.Lab.ALL_SHARING;
import static io.smbench.smb.validation.Lab.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.smbench.lab.SambaLab;
import io.smbench.lab.SambaTest;
import io.smbench.smb.client.SmbClient;
import io.smbench.smb.client.SmbFile;
import io.smbench.smb.client.SmbTree;
import io.smbench.smb.mserref.NtStatus;
import io.smbench.smb.mssmb2.msg.CreateRequest;
import io.smbench.smb.mssmb2.msg.QueryInfoRequest;
import io.smbench.smb.mssmb2.msg.SetInfoRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Deleting and renaming as Windows clients do it (MS-SMB2 3.3.5.9 FILE_DELETE_ON_CLOSE, 3.3.5.21.1
 * SET_INFO; MS-FSCC 2.4.11 FileDispositionInformation, 2.4.42.2 FileRenameInformation).
 */
@SambaTest
class DeleteAndRenameBehaviourTest {
    private static String status(int code) {
        return NtStatus.describe(code);
    }

    private static CreateRequest deleteOnClose(String name) {
        return Lab.open(name, 0, CreateRequest.GENERIC_READ | CreateRequest.DELETE, ALL_SHARING,
                CreateRequest.FILE_OPEN, CreateRequest.FILE_DELETE_ON_CLOSE, List.of());
    }

    /** MS-FSCC 2.1.5.4: a file opened with FILE_DELETE_ON_CLOSE is gone after its last close. */
    @Test
    void deleteOnCloseRemovesTheFileAtClose_3_3_5_9(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            SmbTree tree = Lab.client(smb, lab).tree();
            Lab.put(tree, "doc.txt", "bye");
            SmbFile file = await(tree.create(deleteOnClose("doc.txt")));
            SmbFile meanwhile = await(tree.create(Lab.file("doc.txt", CreateRequest.FILE_OPEN)));
            await(meanwhile.close()); // the name stays until the delete-on-close handle closes
            await(file.close());
            assertThat(status(Lab.statusOf(tree.create(Lab.file("doc.txt", CreateRequest.FILE_OPEN)))))
                    .isEqualTo("STATUS_OBJECT_NAME_NOT_FOUND");
        }
    }

    /**
     * MS-FSCC 2.4.11 and 2.1.5.14.3: after SET_INFO FileDispositionInformation(DeletePending), new
     * opens of the name fail with STATUS_DELETE_PENDING until the handle closes, then the name is gone.
     */
    @Test
    void setDispositionMakesNameDeletePending_2_4_11(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            SmbTree tree = Lab.client(smb, lab).tree();
            Lab.put(tree, "pending.txt", "x");
            SmbFile file = await(tree.create(Lab.open("pending.txt", 0, CreateRequest.GENERIC_READ | CreateRequest.DELETE,
                    ALL_SHARING, CreateRequest.FILE_OPEN, 0, List.of())));
            await(file.setInfo(QueryInfoRequest.INFO_FILE, SetInfoRequest.FILE_DISPOSITION_INFORMATION, new byte[] {1}));
            assertThat(status(Lab.statusOf(tree.create(Lab.file("pending.txt", CreateRequest.FILE_OPEN)))))
                    .isEqualTo("STATUS_DELETE_PENDING");
            await(file.close());
            assertThat(status(Lab.statusOf(tree.create(Lab.file("pending.txt", CreateRequest.FILE_OPEN)))))
                    .isEqualTo("STATUS_OBJECT_NAME_NOT_FOUND");
        }
    }

    /** MS-FSCC 2.1.5.14.3: a directory that still holds a file cannot be marked for deletion. */
    @Test
    void nonEmptyDirectoryRefusesDisposition_2_4_11(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            SmbTree tree = Lab.client(smb, lab).tree();
            await(tree.mkdir("full-dir"));
            Lab.put(tree, "full-dir\\inside.txt", "x");
            SmbFile dir = await(tree.create(Lab.directory("full-dir", CreateRequest.FILE_OPEN)));
            assertThat(status(Lab.statusOf(dir.setInfo(QueryInfoRequest.INFO_FILE,
                    SetInfoRequest.FILE_DISPOSITION_INFORMATION, new byte[] {1})))).isEqualTo("STATUS_DIRECTORY_NOT_EMPTY");
            await(dir.close());
        }
    }

    /** MS-FSCC 2.4.42.2: renaming onto an existing name without ReplaceIfExists fails with STATUS_OBJECT_NAME_COLLISION. */
    @Test
    void renameOverExistingWithoutReplaceCollides_2_4_42_2(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            SmbTree tree = Lab.client(smb, lab).tree();
            Lab.put(tree, "rename-src.txt", "source");
            Lab.put(tree, "rename-dst.txt", "target");
            SmbFile source = await(tree.create(Lab.open("rename-src.txt", 0, CreateRequest.GENERIC_READ
                    | CreateRequest.DELETE, ALL_SHARING, CreateRequest.FILE_OPEN, 0, List.of())));
            assertThat(status(Lab.statusOf(source.rename("rename-dst.txt", false))))
                    .isEqualTo("STATUS_OBJECT_NAME_COLLISION");
            await(source.close());
            SmbFile target = await(tree.create(Lab.file("rename-dst.txt", CreateRequest.FILE_OPEN)));
            assertThat(Lab.read(target, 100)).isEqualTo("target");
            await(target.close());
        }
    }

    /** MS-FSCC 2.4.42.2: with ReplaceIfExists the rename replaces the target, which then holds the source's data. */
    @Test
    void renameOverExistingWithReplaceReplaces_2_4_42_2(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            SmbTree tree = Lab.client(smb, lab).tree();
            Lab.put(tree, "replace-src.txt", "source");
            Lab.put(tree, "replace-dst.txt", "target");
            SmbFile source = await(tree.create(Lab.open("replace-src.txt", 0, CreateRequest.GENERIC_READ
                    | CreateRequest.DELETE, ALL_SHARING, CreateRequest.FILE_OPEN, 0, List.of())));
            await(source.rename("replace-dst.txt", true));
            await(source.close());
            SmbFile target = await(tree.create(Lab.file("replace-dst.txt", CreateRequest.FILE_OPEN)));
            assertThat(Lab.read(target, 100)).isEqualTo("source");
            await(target.close());
            assertThat(status(Lab.statusOf(tree.create(Lab.file("replace-src.txt", CreateRequest.FILE_OPEN)))))
                    .isEqualTo("STATUS_OBJECT_NAME_NOT_FOUND");
        }
    }

    /** MS-FSCC 2.4.42.2: renaming a file into another directory moves it there. */
    @Test
    void renameMovesAcrossDirectories_2_4_42_2(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            SmbTree tree = Lab.client(smb, lab).tree();
            await(tree.mkdir("move-a"));
            await(tree.mkdir("move-b"));
            Lab.put(tree, "move-a\\f.txt", "moved");
            await(tree.rename("move-a\\f.txt", "move-b\\g.txt", false));
            SmbFile moved = await(tree.create(Lab.file("move-b\\g.txt", CreateRequest.FILE_OPEN)));
            assertThat(Lab.read(moved, 100)).isEqualTo("moved");
            await(moved.close());
            assertThat(await(tree.list("move-a", "*"))).as("only . and ..").isEqualTo(2);
        }
    }
}
