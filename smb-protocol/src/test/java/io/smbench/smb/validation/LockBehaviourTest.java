package io.smbench.smb.validation;

import static io.smbench.smb.validation.Lab.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.smbench.lab.SambaLab;
import io.smbench.lab.SambaTest;
import io.smbench.smb.client.SmbClient;
import io.smbench.smb.client.SmbFile;
import io.smbench.smb.mserref.NtStatus;
import io.smbench.smb.mssmb2.msg.CreateRequest;
import io.smbench.smb.mssmb2.msg.LockRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Byte-range locks (MS-SMB2 3.3.5.14, 2.2.26; MS-FSA 2.1.5.7 via the object store). */
@SambaTest
class LockBehaviourTest {
    private static LockRequest.Element range(long offset, long length, int flags) {
        return new LockRequest.Element(offset, length, flags);
    }

    /** MS-SMB2 2.2.26.1: shared locks from two opens coexist; an exclusive lock over them is not granted. */
    @Test
    void sharedLocksCoexistAndBlockExclusive_2_2_26_1(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            SmbFile a = Lab.client(smb, lab).create(Lab.file("shared-lock.dat", CreateRequest.FILE_OPEN_IF));
            SmbFile b = Lab.client(smb, lab).create(Lab.file("shared-lock.dat", CreateRequest.FILE_OPEN_IF));
            await(a.lock(List.of(range(0, 100, LockRequest.SHARED | LockRequest.FAIL_IMMEDIATELY))));
            await(b.lock(List.of(range(50, 100, LockRequest.SHARED | LockRequest.FAIL_IMMEDIATELY))));
            assertThat(NtStatus.describe(Lab.statusOf(b.lock(List.of(range(0, 10,
                    LockRequest.EXCLUSIVE | LockRequest.FAIL_IMMEDIATELY)))))).isEqualTo("STATUS_LOCK_NOT_GRANTED");
            await(a.close());
            await(b.close());
        }
    }

    /**
     * MS-SMB2 3.3.5.14: a lock without SMB2_LOCKFLAG_FAIL_IMMEDIATELY on a held range waits (the
     * server answers STATUS_PENDING) and is granted once the holder unlocks.
     */
    @Test
    void blockingLockIsGrantedWhenTheHolderUnlocks_3_3_5_14(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            Lab.Client waiterClient = Lab.client(smb, lab);
            SmbFile holder = Lab.client(smb, lab).create(Lab.file("wait-lock.dat", CreateRequest.FILE_OPEN_IF));
            SmbFile waiter = waiterClient.create(Lab.file("wait-lock.dat", CreateRequest.FILE_OPEN_IF));
            await(holder.lock(List.of(range(0, 10, LockRequest.EXCLUSIVE | LockRequest.FAIL_IMMEDIATELY))));
            CompletableFuture<Void> waiting = waiter.lock(List.of(range(0, 10, LockRequest.EXCLUSIVE)));
            Thread.sleep(500);
            assertThat(waiting).as("still waiting for the holder").isNotDone();
            assertThat(waiterClient.tree().session().connection().stats().interimResponses()).isPositive();
            await(holder.lock(List.of(range(0, 10, LockRequest.UNLOCK))));
            await(waiting);
            await(holder.close());
            await(waiter.close());
        }
    }

    /** MS-FSA 2.1.5.8 via MS-SMB2 3.3.5.14: unlocking a range that is not locked fails with STATUS_RANGE_NOT_LOCKED. */
    @Test
    void unlockOfUnlockedRangeFails_3_3_5_14(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            SmbFile file = Lab.client(smb, lab).create(Lab.file("unlock.dat", CreateRequest.FILE_OPEN_IF));
            assertThat(NtStatus.describe(Lab.statusOf(file.lock(List.of(range(0, 10, LockRequest.UNLOCK))))))
                    .isEqualTo("STATUS_RANGE_NOT_LOCKED");
            await(file.close());
        }
    }

    /** MS-FSA 2.1.5.3 via MS-SMB2 3.3.5.13: a WRITE into a range another open holds exclusively fails with STATUS_FILE_LOCK_CONFLICT. */
    @Test
    void writeIntoLockedRangeConflicts_3_3_5_13(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            SmbFile holder = Lab.client(smb, lab).create(Lab.file("write-lock.dat", CreateRequest.FILE_OPEN_IF));
            SmbFile writer = Lab.client(smb, lab).create(Lab.file("write-lock.dat", CreateRequest.FILE_OPEN_IF));
            await(holder.lock(List.of(range(0, 100, LockRequest.EXCLUSIVE | LockRequest.FAIL_IMMEDIATELY))));
            assertThat(NtStatus.describe(Lab.statusOf(writer.write(10, Unpooled.wrappedBuffer(new byte[10])))))
                    .isEqualTo("STATUS_FILE_LOCK_CONFLICT");
            assertThat(Lab.statusOf(writer.write(200, Unpooled.wrappedBuffer(new byte[10])))).as("outside the range")
                    .isZero();
            await(holder.close());
            await(writer.close());
        }
    }
}
