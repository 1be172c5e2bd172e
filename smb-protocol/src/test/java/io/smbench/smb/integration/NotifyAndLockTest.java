package io.smbench.smb.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smbench.lab.SambaLab;
import io.smbench.lab.SambaTest;
import io.smbench.smb.client.ClientConfig;
import io.smbench.smb.client.PendingNotify;
import io.smbench.smb.client.SmbClient;
import io.smbench.smb.client.SmbFile;
import io.smbench.smb.client.SmbStatusException;
import io.smbench.smb.client.SmbTree;
import io.smbench.smb.mserref.NtStatus;
import io.smbench.smb.mssmb2.msg.ChangeNotifyRequest;
import io.smbench.smb.mssmb2.msg.CreateRequest;
import io.smbench.smb.mssmb2.msg.LockRequest;
import io.smbench.smb.ntlm.NtlmCredentials;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Asynchronous requests against Samba: CHANGE_NOTIFY answered STATUS_PENDING then completed by a
 * change (MS-SMB2 3.2.5.1.5, 3.3.5.19), cancelled with CANCEL in its async form (3.2.4.24); and
 * byte-range locks (3.3.5.14): a conflicting fail-immediately lock is refused with
 * STATUS_LOCK_NOT_GRANTED until the holder unlocks.
 */
@SambaTest
class NotifyAndLockTest {
    private static SmbTree connect(SmbClient client, SambaLab lab) throws Exception {
        ClientConfig config = ClientConfig.defaults().withClientGuid(UUID.randomUUID());
        return client.connectTree(lab.host(), lab.port(), "open", config,
                new NtlmCredentials(lab.user(), lab.domain(), lab.password())).get(10, TimeUnit.SECONDS);
    }

    private static CreateRequest directory(String name) {
        return new CreateRequest(0, 2, 0x1 /* FILE_LIST_DIRECTORY */ | CreateRequest.FILE_READ_ATTRIBUTES, 0x10,
                CreateRequest.SHARE_READ | CreateRequest.SHARE_WRITE | CreateRequest.SHARE_DELETE,
                CreateRequest.FILE_OPEN_IF, CreateRequest.FILE_DIRECTORY_FILE, name, List.of());
    }

    private static CreateRequest file(String name) {
        return new CreateRequest(0, 2, CreateRequest.GENERIC_READ | CreateRequest.GENERIC_WRITE, 0x80,
                CreateRequest.SHARE_READ | CreateRequest.SHARE_WRITE, CreateRequest.FILE_OPEN_IF, 0, name, List.of());
    }

    @Test
    void shouldCompleteChangeNotifyWhenAnotherClientCreatesAFile(SambaLab lab) throws Exception {
        try (SmbClient client = new SmbClient(1)) {
            SmbTree watcher = connect(client, lab);
            SmbTree writer = connect(client, lab);
            SmbFile dir = watcher.create(directory("watched")).get(5, TimeUnit.SECONDS);
            PendingNotify notify = dir.changeNotify(ChangeNotifyRequest.FILE_NAME, false, Duration.ofSeconds(20));
            Thread.sleep(300);
            assertThat(notify.result()).as("the server keeps the notify pending").isNotDone();
            assertThat(watcher.session().connection().stats().interimResponses()).isPositive();

            writer.create(file("watched\\new-file.txt")).get(5, TimeUnit.SECONDS).close().get(5, TimeUnit.SECONDS);
            byte[] changes = notify.result().get(10, TimeUnit.SECONDS);
            // FILE_NOTIFY_INFORMATION (MS-FSCC 2.7.1): NextEntryOffset, Action (1 = FILE_ACTION_ADDED), name.
            assertThat(changes[4]).isEqualTo((byte) 1);
            assertThat(new String(changes, 12, changes.length - 12, StandardCharsets.UTF_16LE)).contains("new-file.txt");
            dir.close().get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldCancelAPendingChangeNotify(SambaLab lab) throws Exception {
        try (SmbClient client = new SmbClient(1)) {
            SmbTree watcher = connect(client, lab);
            SmbFile dir = watcher.create(directory("quiet")).get(5, TimeUnit.SECONDS);
            PendingNotify notify = dir.changeNotify(ChangeNotifyRequest.FILE_NAME, true, Duration.ofSeconds(20));
            Thread.sleep(300);
            notify.cancel();
            assertThatThrownBy(() -> notify.result().get(5, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SmbStatusException.class)
                    .satisfies(e -> assertThat(((SmbStatusException) e.getCause()).status())
                            .isEqualTo(0xC0000120 /* STATUS_CANCELLED */));
            assertThat(watcher.session().connection().stats().cancelsSent()).isEqualTo(1);
            dir.close().get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldRefuseConflictingLockUntilUnlocked(SambaLab lab) throws Exception {
        try (SmbClient client = new SmbClient(1)) {
            SmbFile a = connect(client, lab).create(file("locked.dat")).get(5, TimeUnit.SECONDS);
            SmbFile b = connect(client, lab).create(file("locked.dat")).get(5, TimeUnit.SECONDS);
            a.lock(List.of(new LockRequest.Element(0, 10, LockRequest.EXCLUSIVE | LockRequest.FAIL_IMMEDIATELY)))
                    .get(5, TimeUnit.SECONDS);
            assertThatThrownBy(() -> b.lock(List.of(new LockRequest.Element(5, 10,
                    LockRequest.EXCLUSIVE | LockRequest.FAIL_IMMEDIATELY))).get(5, TimeUnit.SECONDS))
                    .satisfies(e -> assertThat(((SmbStatusException) e.getCause()).status())
                            .isEqualTo(0xC0000055 /* STATUS_LOCK_NOT_GRANTED */));
            b.lock(List.of(new LockRequest.Element(10, 10, LockRequest.EXCLUSIVE | LockRequest.FAIL_IMMEDIATELY)))
                    .get(5, TimeUnit.SECONDS); // a range that does not overlap
            a.lock(List.of(new LockRequest.Element(0, 10, LockRequest.UNLOCK))).get(5, TimeUnit.SECONDS);
            b.lock(List.of(new LockRequest.Element(0, 5, LockRequest.EXCLUSIVE | LockRequest.FAIL_IMMEDIATELY)))
                    .get(5, TimeUnit.SECONDS);
            assertThat(NtStatus.describe(0xC0000055)).isEqualTo("STATUS_LOCK_NOT_GRANTED");
        }
    }
}
