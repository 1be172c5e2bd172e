package io.smbench.engine.backend;

import com.fasterxml.jackson.databind.JsonNode;
import io.smbench.engine.ir.Operation;
import io.smbench.smb.client.SmbPaths;
import io.smbench.smb.mssmb2.msg.CreateContext;
import io.smbench.smb.mssmb2.msg.CreateRequest;
import io.smbench.smb.mssmb2.msg.DurableContext;
import io.smbench.smb.mssmb2.msg.LeaseContext;
import java.util.List;
import java.util.Map;

/**
 * Turns an IR {@code Open} into an SMB2 CREATE request (MS-SMB2 2.2.13): access mask (2.2.13.1),
 * share access, disposition, create options and oplock level, from the operation's {@code mode}
 * and {@code extensions} (docs/workload-ir.md).
 */
final class OpenMapper {
    private static final Map<String, Integer> ACCESS = Map.ofEntries(
            Map.entry("ReadData", 0x1), Map.entry("WriteData", 0x2), Map.entry("AppendData", 0x4),
            Map.entry("ReadEa", 0x8), Map.entry("WriteEa", 0x10), Map.entry("Execute", 0x20),
            Map.entry("DeleteChild", 0x40), Map.entry("ReadAttributes", 0x80), Map.entry("WriteAttributes", 0x100),
            Map.entry("Delete", 0x10000), Map.entry("ReadControl", 0x20000), Map.entry("WriteDac", 0x40000),
            Map.entry("WriteOwner", 0x80000), Map.entry("Synchronize", 0x100000),
            Map.entry("AccessSystemSecurity", 0x1000000), Map.entry("MaximumAllowed", 0x2000000),
            Map.entry("GenericAll", 0x10000000), Map.entry("GenericExecute", 0x20000000),
            Map.entry("GenericWrite", 0x40000000), Map.entry("GenericRead", 0x80000000));
    private static final Map<String, Integer> OPTIONS = Map.ofEntries(
            Map.entry("DirectoryFile", 0x1), Map.entry("WriteThrough", 0x2), Map.entry("SequentialOnly", 0x4),
            Map.entry("NoIntermediateBuffering", 0x8), Map.entry("NonDirectoryFile", 0x40),
            Map.entry("CompleteIfOplocked", 0x100), Map.entry("NoEaKnowledge", 0x200), Map.entry("RandomAccess", 0x800),
            Map.entry("DeleteOnClose", 0x1000), Map.entry("OpenByFileId", 0x2000),
            Map.entry("OpenForBackupIntent", 0x4000), Map.entry("NoCompression", 0x8000),
            Map.entry("OpenReparsePoint", 0x200000), Map.entry("OpenNoRecall", 0x400000),
            Map.entry("OpenForFreeSpaceQuery", 0x800000));
    private static final Map<String, Integer> SHARE = Map.of("Read", 0x1, "Write", 0x2, "Delete", 0x4);
    private static final Map<String, Integer> DISPOSITION = Map.of("Supersede", 0, "Open", 1, "Create", 2, "OpenIf", 3,
            "Overwrite", 4, "OverwriteIf", 5);
    private static final Map<String, Integer> OPLOCK = Map.of("None", 0x00, "LevelII", 0x01, "Exclusive", 0x08,
            "Batch", 0x09);

    private OpenMapper() {}

    static CreateRequest toCreate(Operation op) {
        JsonNode ext = op.toJson().path("extensions");
        String mode = op.text("mode");
        int access = ext.has("desired_access") ? mask(ext.get("desired_access"), ACCESS) : switch (mode == null ? "" : mode) {
            case "Read" -> CreateRequest.GENERIC_READ | CreateRequest.FILE_READ_ATTRIBUTES;
            case "Write" -> CreateRequest.GENERIC_WRITE | CreateRequest.FILE_READ_ATTRIBUTES;
            default -> CreateRequest.GENERIC_READ | CreateRequest.GENERIC_WRITE | CreateRequest.FILE_READ_ATTRIBUTES;
        };
        int share = ext.has("share_access") ? mask(ext.get("share_access"), SHARE)
                : CreateRequest.SHARE_READ | CreateRequest.SHARE_WRITE | CreateRequest.SHARE_DELETE;
        int disposition = ext.has("create_disposition")
                ? DISPOSITION.getOrDefault(ext.get("create_disposition").asText(), CreateRequest.FILE_OPEN_IF)
                : CreateRequest.FILE_OPEN_IF;
        int options = ext.has("create_options") ? mask(ext.get("create_options"), OPTIONS) : 0;
        int oplock = ext.has("oplock_level") ? OPLOCK.getOrDefault(ext.get("oplock_level").asText(), 0) : 0;
        List<CreateContext> contexts = new java.util.ArrayList<>();
        JsonNode lease = ext.path("lease");
        if (lease.isObject()) {
            oplock = CreateRequest.OPLOCK_LEASE;
            byte[] key = lease.hasNonNull("key") ? java.util.HexFormat.of().parseHex(lease.get("key").asText())
                    : keyFor(op.clientId(), op.text("handle_ref"));
            byte[] parent = lease.hasNonNull("parent_key")
                    ? java.util.HexFormat.of().parseHex(lease.get("parent_key").asText()) : null;
            contexts.add(new LeaseContext(key, LeaseContext.parseState(lease.path("state").asText("RWH")), 0, parent,
                    lease.path("epoch").asInt(0), lease.path("version").asInt(2)).toCreateContext());
        }
        JsonNode durable = ext.path("durable");
        if (durable.isObject()) {
            switch (durable.path("version").asText("none")) {
                case "v1" -> contexts.add(DurableContext.v1());
                case "v2" -> contexts.add(DurableContext.v2(durable.path("timeout_ms").asInt(0),
                        durable.path("persistent").asBoolean(false), durable.hasNonNull("create_guid")
                                ? uuid(durable.get("create_guid").asText()) : java.util.UUID.randomUUID()));
                default -> { }
            }
        }
        return new CreateRequest(oplock, CreateRequest.IMPERSONATION_IMPERSONATION, access,
                CreateRequest.FILE_ATTRIBUTE_NORMAL, share, disposition, options, SmbPaths.toSmb(op.text("path")),
                List.copyOf(contexts));
    }

    /** A lease key stable for a client's handle_ref, so every run of a workload uses the same keys. */
    static byte[] keyFor(String clientId, String handleRef) {
        java.util.UUID uuid = java.util.UUID.nameUUIDFromBytes((clientId + "\0" + handleRef)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return io.smbench.smb.client.Guids.toBytes(uuid);
    }

    private static java.util.UUID uuid(String hex32) {
        String h = hex32.replace("-", "");
        return new java.util.UUID(Long.parseUnsignedLong(h.substring(0, 16), 16), Long.parseUnsignedLong(h.substring(16), 16));
    }

    /** An array of names, or an integer mask. */
    static int mask(JsonNode value, Map<String, Integer> names) {
        if (value.isNumber()) {
            return value.asInt();
        }
        int mask = 0;
        for (JsonNode name : value) {
            mask |= names.getOrDefault(name.asText(), 0);
        }
        return mask;
    }
}
