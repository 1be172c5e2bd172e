package io.smbench.smb.validation;

import static io.smbench.smb.validation.Lab.ALL_SHARING;
import static io.smbench.smb.validation.Lab.READ_WRITE;
import static io.smbench.smb.validation.Lab.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.smbench.lab.SambaLab;
import io.smbench.lab.SambaTest;
import io.smbench.smb.client.BreakEvent;
import io.smbench.smb.client.SmbClient;
import io.smbench.smb.client.SmbFile;
import io.smbench.smb.mserref.NtStatus;
import io.smbench.smb.mssmb2.msg.CreateContext;
import io.smbench.smb.mssmb2.msg.CreateRequest;
import io.smbench.smb.mssmb2.msg.DurableContext;
import io.smbench.smb.mssmb2.msg.LeaseContext;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Leases and durable handles beyond the basic grant and break (MS-SMB2 3.3.5.9.6 to 3.3.5.9.12,
 * 3.3.4.7, 2.2.13.2.8/.10/.11/.12/.13). Samba grants leases on 2.1+ and durable handles only with
 * a batch oplock or a lease with Handle caching, as Windows does.
 */
@SambaTest
class LeaseAndDurableBehaviourTest {
    private static final int RWH = LeaseContext.READ | LeaseContext.WRITE | LeaseContext.HANDLE;
    private static final int RH = LeaseContext.READ | LeaseContext.HANDLE;

    private static byte[] key(int seed) {
        byte[] key = new byte[16];
        key[0] = (byte) seed;
        key[7] = 0x33;
        return key;
    }

    private static CreateRequest leased(String name, byte[] key, int state, List<CreateContext> more) {
        List<CreateContext> contexts = new java.util.ArrayList<>();
        contexts.add(new LeaseContext(key, state, 0, null, 0, 2).toCreateContext());
        contexts.addAll(more);
        return Lab.open(name, CreateRequest.OPLOCK_LEASE, READ_WRITE, ALL_SHARING, CreateRequest.FILE_OPEN_IF, 0,
                contexts);
    }

    /** MS-SMB2 3.3.5.9.8: two opens with the same lease key (one client's caching) share the lease; no break. */
    @Test
    void sameLeaseKeySharesTheLeaseWithoutBreak_3_3_5_9_8(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            Lab.Client client = Lab.client(smb, lab);
            SmbFile first = client.create(leased("same-key.txt", key(1), RWH, List.of()));
            SmbFile second = client.create(leased("same-key.txt", key(1), RWH, List.of()));
            assertThat(LeaseContext.stateName(second.lease().orElseThrow().state())).isEqualTo("RWH");
            assertThat(client.breaks()).isEmpty();
            await(second.close());
            await(first.close());
        }
    }

    /**
     * MS-SMB2 3.3.4.7 and 2.2.23.2: an RH lease broken by an opener that overwrites the file loses
     * its caching; because the lease held Handle caching the break is flagged
     * SMB2_NOTIFY_BREAK_LEASE_FLAG_ACK_REQUIRED, and the client acknowledges it.
     */
    @Test
    void readHandleLeaseBrokenByOverwrite_3_3_4_7(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            Lab.Client holder = Lab.client(smb, lab);
            Lab.Client other = Lab.client(smb, lab);
            SmbFile held = holder.create(leased("rh-break.txt", key(2), RH, List.of()));
            assertThat(LeaseContext.stateName(held.lease().orElseThrow().state())).isEqualTo("RH");
            SmbFile overwriting = other.create(Lab.file("rh-break.txt", CreateRequest.FILE_OVERWRITE_IF));
            Thread.sleep(300); // the break of an RH lease is not waited for; it may trail the CREATE response
            assertThat(holder.breaks()).singleElement().satisfies(event -> {
                assertThat(event.kind()).isEqualTo("lease");
                assertThat(event.from()).isEqualTo("RH");
                assertThat(event.to()).isIn("None", "R", "");
                assertThat(event.acknowledged()).isEqualTo("immediately");
            });
            await(overwriting.close());
            await(held.close());
        }
    }

    /**
     * MS-SMB2 3.3.4.7 and 2.2.23.2: breaking a Read-only lease to None needs no acknowledgment
     * (ACK_REQUIRED clear); the client records the break and sends nothing back.
     */
    @Test
    void readLeaseBreakNeedsNoAcknowledgment_2_2_23_2(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            Lab.Client holder = Lab.client(smb, lab);
            SmbFile held = holder.create(leased("r-break.txt", key(5), LeaseContext.READ, List.of()));
            assertThat(LeaseContext.stateName(held.lease().orElseThrow().state())).isEqualTo("R");
            SmbFile writer = Lab.client(smb, lab).create(Lab.file("r-break.txt", CreateRequest.FILE_OVERWRITE_IF));
            Thread.sleep(300);
            assertThat(holder.breaks()).singleElement().satisfies(event -> {
                assertThat(event.from()).isEqualTo("R");
                assertThat(event.acknowledged()).startsWith("not needed");
            });
            await(writer.close());
            await(held.close());
        }
    }

    /** MS-SMB2 2.2.13.2.10 and 3.3.5.9.11: a v2 lease's epoch grows with every state change the server makes. */
    @Test
    void leaseEpochGrowsWithEachBreak_2_2_13_2_10(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            Lab.Client holder = Lab.client(smb, lab);
            SmbFile held = holder.create(leased("epochs.txt", key(3), RWH, List.of()));
            int granted = held.lease().orElseThrow().epoch();
            SmbFile second = Lab.client(smb, lab).create(leased("epochs.txt", key(4), RWH, List.of()));
            SmbFile third = Lab.client(smb, lab).create(Lab.file("epochs.txt", CreateRequest.FILE_OVERWRITE_IF));
            Thread.sleep(300);
            assertThat(holder.breaks()).hasSizeGreaterThanOrEqualTo(2);
            List<Integer> epochs = holder.breaks().stream().map(BreakEvent::epoch).toList();
            assertThat(epochs.get(0)).isGreaterThan(granted);
            assertThat(epochs).isSorted().doesNotHaveDuplicates();
            await(third.close());
            await(second.close());
            await(held.close());
        }
    }

    /** MS-SMB2 3.3.5.9.6: a durable v1 request (DHnQ) with a batch oplock is granted; the response carries DHnQ. */
    @Test
    void grantsDurableV1WithBatchOplock_3_3_5_9_6(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            SmbFile file = Lab.client(smb, lab).create(Lab.open("durable-v1.txt", CreateRequest.OPLOCK_BATCH, READ_WRITE,
                    ALL_SHARING, CreateRequest.FILE_OPEN_IF, 0, List.of(DurableContext.v1())));
            assertThat(BreakEvent.levelName(file.created().oplockLevel())).isEqualTo("Batch");
            assertThat(file.created().context(DurableContext.V1)).as("DHnQ response (2.2.14.2.3)").isNotNull();
            await(file.close());
        }
    }

    /**
     * MS-SMB2 3.3.5.9.6 and 3.3.5.9.10: without a batch oplock or a Handle lease there is nothing
     * to make durable, so the server ignores DHnQ/DH2Q and answers no durable context.
     */
    @Test
    void ignoresDurableRequestWithoutHandleCaching_3_3_5_9_10(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            Lab.Client client = Lab.client(smb, lab);
            SmbFile v1 = client.create(Lab.open("not-durable-1.txt", CreateRequest.OPLOCK_NONE, READ_WRITE, ALL_SHARING,
                    CreateRequest.FILE_OPEN_IF, 0, List.of(DurableContext.v1())));
            assertThat(v1.created().context(DurableContext.V1)).isNull();
            SmbFile v2 = client.create(Lab.open("not-durable-2.txt", CreateRequest.OPLOCK_LEVEL_II, READ_WRITE,
                    ALL_SHARING, CreateRequest.FILE_OPEN_IF, 0, List.of(DurableContext.v2(30_000, false,
                            UUID.randomUUID()))));
            assertThat(v2.created().context(DurableContext.V2)).isNull();
            await(v1.close());
            await(v2.close());
        }
    }

    /**
     * MS-SMB2 3.3.5.9.7: a DHnC reconnect from a client that never lost the open (the open is still
     * connected on its original session) is refused; Windows answers STATUS_OBJECT_NAME_NOT_FOUND,
     * and so does Samba.
     */
    @Test
    void refusesReconnectOfAnOpenStillConnected_3_3_5_9_7(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            Lab.Client client = Lab.client(smb, lab);
            SmbFile file = client.create(Lab.open("still-open.txt", CreateRequest.OPLOCK_BATCH, READ_WRITE,
                    ALL_SHARING, CreateRequest.FILE_OPEN_IF, 0, List.of(DurableContext.v1())));
            int status = Lab.statusOf(Lab.client(smb, lab).tree().create(Lab.open("still-open.txt",
                    CreateRequest.OPLOCK_BATCH, READ_WRITE, ALL_SHARING, CreateRequest.FILE_OPEN, 0,
                    List.of(DurableContext.reconnectV1(file.fileId())))));
            assertThat(NtStatus.describe(status)).isEqualTo("STATUS_OBJECT_NAME_NOT_FOUND");
            await(file.close());
        }
    }
}
