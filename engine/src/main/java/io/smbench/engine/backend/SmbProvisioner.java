package io.smbench.engine.backend;

import io.smbench.engine.compile.ProvisionPlan;
import io.smbench.smb.client.SmbFile;
import io.smbench.smb.client.SmbStatusException;
import io.smbench.smb.client.SmbTree;
import io.smbench.smb.mserref.NtStatus;
import io.smbench.smb.mssmb2.msg.CreateRequest;
import io.smbench.smb.mssmb2.msg.QueryInfoRequest;
import io.smbench.smb.mssmb2.msg.SetInfoRequest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Creates a {@link ProvisionPlan} on a share: directories parents first (existing ones are fine),
 * then each file opened or created and extended to its size with SET_INFO FileEndOfFileInformation
 * (MS-FSCC 2.4.14), which leaves the content zero-filled.
 */
public final class SmbProvisioner {
    private SmbProvisioner() {}

    /** Applies the plan; returns how many directories and files it created or checked. */
    public static int[] apply(ProvisionPlan plan, SmbTree tree) throws Exception {
        int directories = 0;
        for (String dir : plan.directories()) {
            try {
                tree.mkdir(dir).get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof SmbStatusException s && s.status() == NtStatus.STATUS_OBJECT_NAME_COLLISION)) {
                    throw new Exception("cannot create directory " + dir + ": " + e.getCause().getMessage(), e.getCause());
                }
            }
            directories++;
        }
        int files = 0;
        for (Map.Entry<String, Long> file : plan.files().entrySet()) {
            SmbFile open = tree.create(new CreateRequest(0, CreateRequest.IMPERSONATION_IMPERSONATION,
                    CreateRequest.GENERIC_READ | CreateRequest.GENERIC_WRITE, CreateRequest.FILE_ATTRIBUTE_NORMAL,
                    CreateRequest.SHARE_READ | CreateRequest.SHARE_WRITE, CreateRequest.FILE_OPEN_IF,
                    CreateRequest.FILE_NON_DIRECTORY_FILE, io.smbench.smb.client.SmbPaths.toSmb(file.getKey()),
                    List.of())).get(30, TimeUnit.SECONDS);
            try {
                if (open.created().endOfFile() < file.getValue()) {
                    byte[] eof = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(file.getValue()).array();
                    open.setInfo(QueryInfoRequest.INFO_FILE, SetInfoRequest.FILE_END_OF_FILE_INFORMATION, eof)
                            .get(30, TimeUnit.SECONDS);
                }
            } catch (CompletionException e) {
                throw new Exception("cannot size " + file.getKey() + ": " + e.getCause().getMessage(), e.getCause());
            } finally {
                open.close().get(30, TimeUnit.SECONDS);
            }
            files++;
        }
        return new int[] {directories, files};
    }
}
