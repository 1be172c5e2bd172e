package io.smbench.smb.validation;

import static io.smbench.smb.validation.Lab.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.smbench.lab.SambaLab;
import io.smbench.lab.SambaTest;
import io.smbench.smb.client.OutgoingRequest;
import io.smbench.smb.client.Smb2Response;
import io.smbench.smb.client.SmbClient;
import io.smbench.smb.client.SmbConnection;
import io.smbench.smb.client.SmbTree;
import io.smbench.smb.mserref.NtStatus;
import io.smbench.smb.mssmb2.Smb2Command;
import io.smbench.smb.mssmb2.msg.CloseRequest;
import io.smbench.smb.mssmb2.msg.CreateRequest;
import io.smbench.smb.mssmb2.msg.FileId;
import io.smbench.smb.mssmb2.msg.ReadRequest;
import io.smbench.smb.mssmb2.msg.ReadResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Compounding (MS-SMB2 3.2.4.1.4, 3.3.5.2.7) and credits (3.2.4.1.5, 3.3.1.2). */
@SambaTest
class CompoundAndCreditBehaviourTest {
    private static List<Smb2Response> all(List<CompletableFuture<Smb2Response>> replies) throws Exception {
        List<Smb2Response> responses = new ArrayList<>();
        for (CompletableFuture<Smb2Response> reply : replies) {
            responses.add(await(reply));
        }
        return responses;
    }

    /**
     * MS-SMB2 3.2.4.1.4 and 3.3.5.2.7.2: CREATE + READ + CLOSE in one related chain; READ and CLOSE
     * use the FileId the CREATE produced (FileId all ones), and each gets its own response.
     */
    @Test
    void relatedCreateReadClose_3_3_5_2_7_2(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            SmbTree tree = Lab.client(smb, lab).tree();
            Lab.put(tree, "compound-read.txt", "compounded");
            List<OutgoingRequest> chain = List.of(
                    tree.request(Smb2Command.CREATE, Lab.file("compound-read.txt", CreateRequest.FILE_OPEN)),
                    tree.request(Smb2Command.READ, new ReadRequest(FileId.RELATED, 0, 100, 0)),
                    tree.request(Smb2Command.CLOSE, new CloseRequest(FileId.RELATED, false)));
            List<Smb2Response> responses = all(tree.session().connection().sendCompound(chain, true));
            try {
                assertThat(responses).extracting(Smb2Response::status).containsExactly(0, 0, 0);
                assertThat(responses).extracting(Smb2Response::command)
                        .containsExactly(Smb2Command.CREATE, Smb2Command.READ, Smb2Command.CLOSE);
                var message = responses.get(1).message();
                ReadResponse read = ReadResponse.decode(message);
                assertThat(message.toString(message.readerIndex() + read.dataOffset(), (int) read.dataLength(),
                        StandardCharsets.UTF_8)).isEqualTo("compounded");
            } finally {
                responses.forEach(Smb2Response::close);
            }
        }
    }

    /**
     * MS-SMB2 3.3.5.2.7.2: when the CREATE of a related chain fails, the operations that depend on
     * its FileId fail too (Windows and Samba answer them with the CREATE's status).
     */
    @Test
    void relatedChainFailsAfterAFailedCreate_3_3_5_2_7_2(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            SmbTree tree = Lab.client(smb, lab).tree();
            List<OutgoingRequest> chain = List.of(
                    tree.request(Smb2Command.CREATE, Lab.file("compound-missing.txt", CreateRequest.FILE_OPEN)),
                    tree.request(Smb2Command.READ, new ReadRequest(FileId.RELATED, 0, 100, 0)),
                    tree.request(Smb2Command.CLOSE, new CloseRequest(FileId.RELATED, false)));
            List<Smb2Response> responses = all(tree.session().connection().sendCompound(chain, true));
            try {
                assertThat(responses).extracting(r -> NtStatus.describe(r.status())).containsExactly(
                        "STATUS_OBJECT_NAME_NOT_FOUND", "STATUS_OBJECT_NAME_NOT_FOUND", "STATUS_OBJECT_NAME_NOT_FOUND");
            } finally {
                responses.forEach(Smb2Response::close);
            }
        }
    }

    /** MS-SMB2 3.2.4.1.4: unrelated compounds carry independent requests; one failing does not fail the others. */
    @Test
    void unrelatedCompoundIsIndependent_3_2_4_1_4(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            SmbTree tree = Lab.client(smb, lab).tree();
            Lab.put(tree, "unrelated-a.txt", "a");
            List<OutgoingRequest> chain = List.of(
                    tree.request(Smb2Command.CREATE, Lab.file("unrelated-a.txt", CreateRequest.FILE_OPEN)),
                    tree.request(Smb2Command.CREATE, Lab.file("unrelated-missing.txt", CreateRequest.FILE_OPEN)));
            List<Smb2Response> responses = all(tree.session().connection().sendCompound(chain, false));
            try {
                assertThat(responses).extracting(r -> NtStatus.describe(r.status()))
                        .containsExactly("STATUS_SUCCESS", "STATUS_OBJECT_NAME_NOT_FOUND");
            } finally {
                responses.forEach(Smb2Response::close);
            }
        }
    }

    /**
     * MS-SMB2 3.3.1.2 and 3.2.5.1.4: the server grants the credits the client asks for (up to its
     * limit), so 64 reads in flight at once complete without the window running dry, and the
     * responses grant back at least what the reads spent. (A single response may grant 0 when the
     * client holds plenty: 3.3.1.2 only forbids leaving the client with none.)
     */
    @Test
    void grantsRequestedCreditsForConcurrentRequests_3_3_1_2(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            SmbTree tree = Lab.client(smb, lab).tree();
            var file = await(tree.create(Lab.file("credits.bin", CreateRequest.FILE_OVERWRITE_IF)));
            await(file.write(0, Unpooled.wrappedBuffer(new byte[4096])));
            SmbConnection connection = tree.session().connection();
            List<CompletableFuture<Smb2Response>> reads = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                reads.add(connection.send(tree.request(Smb2Command.READ, new ReadRequest(file.fileId(), i * 64L, 64, 0))));
            }
            long granted = 0;
            for (CompletableFuture<Smb2Response> read : reads) {
                try (Smb2Response response = await(read)) {
                    assertThat(response.status()).isZero();
                    granted += response.creditResponse();
                }
            }
            assertThat(granted).as("credits granted back for 64 one-credit reads").isGreaterThanOrEqualTo(64);
            assertThat(await(connection.availableCredits())).as("window after the burst").isGreaterThanOrEqualTo(64);
            await(file.close());
        }
    }
}
