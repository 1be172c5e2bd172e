package io.smbench.smb.validation;

import static io.smbench.smb.validation.Lab.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.smbench.lab.SambaLab;
import io.smbench.lab.SambaTest;
import io.smbench.smb.client.Smb2Response;
import io.smbench.smb.client.SmbClient;
import io.smbench.smb.client.SmbFile;
import io.smbench.smb.client.SmbTree;
import io.smbench.smb.mserref.NtStatus;
import io.smbench.smb.mssmb2.Smb2Command;
import io.smbench.smb.mssmb2.msg.CreateRequest;
import io.smbench.smb.mssmb2.msg.OutputBufferResponse;
import io.smbench.smb.mssmb2.msg.QueryDirectoryRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** QUERY_DIRECTORY (MS-SMB2 3.3.5.18, 2.2.33, 2.2.34; entries MS-FSCC 2.4.17 FileIdBothDirectoryInformation). */
@SambaTest
class DirectoryBehaviourTest {
    /** One QUERY_DIRECTORY on the wire: its status and the number of entries it returned. */
    private record Page(int status, int entries) {
    }

    private static Page query(SmbTree tree, SmbFile dir, String pattern, int flags, int bufferLength) throws Exception {
        QueryDirectoryRequest request = new QueryDirectoryRequest(
                QueryDirectoryRequest.FILE_ID_BOTH_DIRECTORY_INFORMATION, flags, dir.fileId(), pattern, bufferLength);
        try (Smb2Response response = await(tree.session().connection().send(tree.request(Smb2Command.QUERY_DIRECTORY,
                request)))) {
            int entries = response.status() == 0
                    ? OutputBufferResponse.decode(response.message(), "QUERY_DIRECTORY").directoryEntryCount() : 0;
            return new Page(response.status(), entries);
        }
    }

    private static SmbFile populated(SmbTree tree, String dir, int files) throws Exception {
        await(tree.mkdir(dir));
        for (int i = 0; i < files; i++) {
            SmbFile f = await(tree.create(Lab.file(dir + "\\entry-" + i + (i % 3 == 0 ? ".log" : ".dat"),
                    CreateRequest.FILE_CREATE)));
            await(f.close());
        }
        return await(tree.create(Lab.directory(dir, CreateRequest.FILE_OPEN)));
    }

    /**
     * MS-SMB2 3.3.5.18: a small OutputBufferLength makes the server return the listing in several
     * responses, continuing where the last stopped, until STATUS_NO_MORE_FILES; every entry
     * (plus "." and "..") is seen exactly once.
     */
    @Test
    void continuesEnumerationUntilNoMoreFiles_3_3_5_18(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            SmbTree tree = Lab.client(smb, lab).tree();
            SmbFile dir = populated(tree, "many", 120);
            List<Page> pages = new ArrayList<>();
            Page page = query(tree, dir, "*", QueryDirectoryRequest.RESTART_SCANS, 1024);
            while (page.status() == 0) {
                pages.add(page);
                page = query(tree, dir, "*", 0, 1024);
            }
            assertThat(NtStatus.describe(page.status())).isEqualTo("STATUS_NO_MORE_FILES");
            assertThat(pages.size()).as("responses needed").isGreaterThan(5);
            assertThat(pages.stream().mapToInt(Page::entries).sum()).isEqualTo(122);
            await(dir.close());
        }
    }

    /** MS-SMB2 2.2.33 FileName: the search pattern filters the entries ("*.log" picks a third of them). */
    @Test
    void filtersByPattern_2_2_33(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            SmbTree tree = Lab.client(smb, lab).tree();
            SmbFile dir = populated(tree, "patterned", 30);
            assertThat(await(dir.listDirectory("*.log"))).isEqualTo(10);
            assertThat(await(dir.listDirectory("entry-1?.dat"))).as("entry-10..19 minus the .log ones").isEqualTo(7);
            await(dir.close());
        }
    }

    /** MS-SMB2 2.2.33 SMB2_RESTART_SCANS: after the end of a listing, a restart returns the entries again. */
    @Test
    void restartScansStartsOver_2_2_33(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            SmbTree tree = Lab.client(smb, lab).tree();
            SmbFile dir = populated(tree, "restart", 4);
            Page first = query(tree, dir, "*", QueryDirectoryRequest.RESTART_SCANS, 65_536);
            assertThat(first.entries()).isEqualTo(6);
            assertThat(NtStatus.describe(query(tree, dir, "*", 0, 65_536).status())).isEqualTo("STATUS_NO_MORE_FILES");
            assertThat(query(tree, dir, "*", QueryDirectoryRequest.RESTART_SCANS, 65_536).entries()).isEqualTo(6);
            await(dir.close());
        }
    }

    /** MS-SMB2 3.3.5.18: a first query whose pattern matches nothing answers STATUS_NO_SUCH_FILE, not NO_MORE_FILES. */
    @Test
    void firstQueryWithoutMatchIsNoSuchFile_3_3_5_18(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            SmbTree tree = Lab.client(smb, lab).tree();
            SmbFile dir = populated(tree, "nomatch", 2);
            assertThat(NtStatus.describe(query(tree, dir, "*.none", QueryDirectoryRequest.RESTART_SCANS, 65_536)
                    .status())).isEqualTo("STATUS_NO_SUCH_FILE");
            await(dir.close());
        }
    }

    /**
     * MS-SMB2 3.3.5.18 (object store, MS-FSA 2.1.5.6.3): an OutputBufferLength too small for even one
     * entry is refused without data. Windows answers STATUS_INFO_LENGTH_MISMATCH; Samba answers
     * STATUS_INVALID_PARAMETER. We accept either: both reject the request as the caller's error and
     * no client retries differently on one or the other.
     */
    @Test
    void bufferTooSmallForOneEntry_3_3_5_18(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            SmbTree tree = Lab.client(smb, lab).tree();
            SmbFile dir = populated(tree, "tiny", 1);
            Page refused = query(tree, dir, "*", QueryDirectoryRequest.RESTART_SCANS, 8);
            assertThat(NtStatus.describe(refused.status())).isIn("STATUS_INFO_LENGTH_MISMATCH", "STATUS_INVALID_PARAMETER");
            assertThat(refused.entries()).isZero();
            await(dir.close());
        }
    }
}
