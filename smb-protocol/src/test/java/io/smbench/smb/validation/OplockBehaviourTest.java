package io.smbench.smb.validation;

import static io.smbench.smb.validation.Lab.ALL_SHARING;
import static io.smbench.smb.validation.Lab.READ_WRITE;
import static io.smbench.smb.validation.Lab.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.smbench.lab.SambaLab;
import io.smbench.lab.SambaTest;
import io.smbench.smb.client.BreakEvent;
import io.smbench.smb.client.BreakPolicy;
import io.smbench.smb.client.SmbClient;
import io.smbench.smb.client.SmbFile;
import io.smbench.smb.mssmb2.Dialect;
import io.smbench.smb.mssmb2.msg.CreateRequest;
import io.smbench.smb.mssmb2.msg.CreateResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Oplocks (MS-SMB2 3.3.5.9 oplock grant, 3.3.4.6 break notification, 2.2.23.1 and 2.2.24.1 break
 * and acknowledgment, 3.2.5.19.1 the client's handling). Samba grants the oplock asked for to a
 * sole opener and, like Windows, breaks a batch or exclusive oplock to LevelII when a second client
 * opens the file for reading and writing with sharing that allows it.
 */
@SambaTest
class OplockBehaviourTest {
    private static CreateRequest withOplock(String name, int level) {
        return Lab.open(name, level, READ_WRITE, ALL_SHARING, CreateRequest.FILE_OPEN_IF, 0, List.of());
    }

    /** MS-SMB2 3.3.5.9: a sole opener gets the batch oplock it asked for. */
    @Test
    void grantsBatchOplockToSoleOpener_3_3_5_9(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            SmbFile file = Lab.client(smb, lab).create(withOplock("batch-sole.txt", CreateRequest.OPLOCK_BATCH));
            assertThat(BreakEvent.levelName(file.created().oplockLevel())).isEqualTo("Batch");
            await(file.close());
        }
    }

    /**
     * MS-SMB2 3.3.4.6, 2.2.23.1, 2.2.24.1: a second opener breaks the first client's batch oplock to
     * LevelII; the first client acknowledges, and only then does the second open complete, with
     * LevelII. Both clients' timelines are recorded and ordered: break received, second open done.
     */
    @Test
    void breaksBatchOplockToLevelIIForSecondOpener_3_3_4_6(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            Lab.Client first = Lab.client(smb, lab);
            Lab.Client second = Lab.client(smb, lab);
            SmbFile held = first.create(withOplock("batch-break.txt", CreateRequest.OPLOCK_BATCH));
            long secondSent = System.nanoTime();
            SmbFile other = second.create(withOplock("batch-break.txt", CreateRequest.OPLOCK_BATCH));
            long secondDone = System.nanoTime();

            assertThat(first.breaks()).hasSize(1);
            BreakEvent event = first.breaks().get(0);
            assertThat(event.kind()).isEqualTo("oplock");
            assertThat(event.from()).isEqualTo("Batch");
            assertThat(event.to()).isEqualTo("LevelII");
            assertThat(event.acknowledged()).isEqualTo("immediately");
            assertThat(event.receivedNanos()).as("the break arrives while the second open waits")
                    .isBetween(secondSent, secondDone);
            assertThat(second.breaks()).isEmpty();
            assertThat(BreakEvent.levelName(other.created().oplockLevel())).isEqualTo("LevelII");
            await(other.close());
            await(held.close());
        }
    }

    /**
     * MS-SMB2 3.3.4.6 and 3.3.5.22.1: the server holds the conflicting open until the break is
     * acknowledged, so a client that acknowledges 700 ms late delays the second opener by as much.
     */
    @Test
    void holdsSecondOpenUntilTheBreakIsAcknowledged_3_3_5_22_1(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            Lab.Client slow = Lab.client(smb, lab, Dialect.SMB_3_1_1, "open", BreakPolicy.delayed(Duration.ofMillis(700)));
            Lab.Client second = Lab.client(smb, lab);
            SmbFile held = slow.create(withOplock("batch-slow.txt", CreateRequest.OPLOCK_BATCH));
            long start = System.nanoTime();
            SmbFile other = second.create(withOplock("batch-slow.txt", CreateRequest.OPLOCK_BATCH));
            long waitedMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(waitedMillis).isGreaterThanOrEqualTo(650);
            assertThat(slow.breaks()).singleElement().satisfies(e -> assertThat(e.acknowledged()).isEqualTo("after 700 ms"));
            await(other.close());
            await(held.close());
        }
    }

    /** MS-SMB2 3.3.5.9: an open that asks for no oplock gets none and breaks nobody's LevelII. */
    @Test
    void grantsNoOplockWhenNoneIsAsked_3_3_5_9(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            Lab.Client first = Lab.client(smb, lab);
            SmbFile file = first.create(withOplock("no-oplock.txt", CreateRequest.OPLOCK_NONE));
            assertThat(file.created().oplockLevel()).isZero();
            assertThat(file.created().createAction()).isIn(CreateResponse.FILE_CREATED, CreateResponse.FILE_OPENED);
            await(file.close());
        }
    }

    /**
     * MS-SMB2 3.3.5.9 with a conflicting share mode: the second open fails with
     * STATUS_SHARING_VIOLATION, and the first client's batch oplock is broken first so that it can
     * close a cached handle (Windows does the same; Samba breaks to LevelII, or None on 4.17).
     */
    @Test
    void breaksBatchOplockBeforeReportingSharingViolation_3_3_5_9(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            Lab.Client first = Lab.client(smb, lab);
            Lab.Client second = Lab.client(smb, lab);
            SmbFile held = first.create(Lab.open("batch-share.txt", CreateRequest.OPLOCK_BATCH, READ_WRITE, 0,
                    CreateRequest.FILE_OPEN_IF, 0, List.of()));
            int status = Lab.statusOf(second.tree().create(withOplock("batch-share.txt", CreateRequest.OPLOCK_NONE)));
            assertThat(io.smbench.smb.mserref.NtStatus.describe(status)).isEqualTo("STATUS_SHARING_VIOLATION");
            assertThat(first.breaks()).singleElement().satisfies(e -> assertThat(e.from()).isEqualTo("Batch"));
            await(held.close());
        }
    }
}
