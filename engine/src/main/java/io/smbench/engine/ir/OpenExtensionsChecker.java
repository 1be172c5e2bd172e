package io.smbench.engine.ir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks the {@code extensions} of an Open: oplock, lease (MS-SMB2 2.2.13.2.8 and 2.2.13.2.10),
 * durable handle (2.2.13.2.3 and 2.2.13.2.11), disposition, access and options. Unknown keys are
 * allowed: a newer capture tool may record more than this version knows.
 */
final class OpenExtensionsChecker {
  private OpenExtensionsChecker() {}

  static void check(FieldChecks open) {
    JsonNode ext = open.get("extensions");
    if (ext == null) {
      return;
    }
    if (!ext.isObject()) {
      open.error("extensions", "must be an object, was " + FieldChecks.describe(ext));
      return;
    }
    FieldChecks f = open.nested("extensions", ext);
    f.oneOf("oplock_level", false, IrVocabulary.OPLOCK_LEVELS);
    f.oneOf("create_disposition", false, IrVocabulary.CREATE_DISPOSITIONS);
    f.flags("share_access", false, IrVocabulary.SHARE_ACCESS);
    f.flags("desired_access", false, IrVocabulary.DESIRED_ACCESS);
    f.flags("create_options", false, IrVocabulary.CREATE_OPTIONS);
    checkLease(f);
    checkDurable(f);
    String oplock = ext.path("oplock_level").asText(null);
    if (ext.has("lease") && oplock != null && !"None".equals(oplock)) {
      f.error("oplock_level", "'" + oplock + "' cannot be combined with a lease; a lease request"
          + " replaces the oplock (RequestedOplockLevel SMB2_OPLOCK_LEVEL_LEASE)");
    }
  }

  private static void checkLease(FieldChecks ext) {
    JsonNode lease = ext.get("lease");
    if (lease == null) {
      return;
    }
    if (!lease.isObject()) {
      ext.error("lease", "must be an object, was " + FieldChecks.describe(lease));
      return;
    }
    FieldChecks f = ext.nested("lease", lease);
    String state = f.text("state", true);
    if (state != null && !validLeaseState(state)) {
      f.error("state", "'" + state + "' is not a lease state; use R, RH, RW or RWH"
          + " (W and H need R)");
    }
    f.key128("key", false);
    JsonNode version = lease.get("version");
    if (version != null && !(version.isInt() && IrVocabulary.LEASE_VERSIONS.contains(version.intValue()))) {
      f.error("version", FieldChecks.describe(version) + " is not accepted; accepted: 1, 2");
    }
    f.key128("parent_key", false);
    if (lease.has("parent_key") && !(version != null && version.isInt() && version.intValue() == 2)) {
      f.error("parent_key", "needs lease version 2 (only the v2 lease context carries a parent key)");
    }
    f.nonNegative("epoch", false);
  }

  private static boolean validLeaseState(String state) {
    if (state.length() > 3) {
      return false;
    }
    boolean r = false;
    boolean w = false;
    boolean h = false;
    for (char c : state.toCharArray()) {
      switch (c) {
        case 'R' -> { if (r) return false; r = true; }
        case 'W' -> { if (w) return false; w = true; }
        case 'H' -> { if (h) return false; h = true; }
        default -> { return false; }
      }
    }
    return r || state.isEmpty();
  }

  private static void checkDurable(FieldChecks ext) {
    JsonNode durable = ext.get("durable");
    if (durable == null) {
      return;
    }
    if (!durable.isObject()) {
      ext.error("durable", "must be an object like {\"version\":\"v2\",\"timeout_ms\":60000},"
          + " was " + FieldChecks.describe(durable));
      return;
    }
    FieldChecks f = ext.nested("durable", durable);
    String version = f.oneOf("version", true, IrVocabulary.DURABLE_VERSIONS);
    f.nonNegative("timeout_ms", false);
    f.bool("persistent", false);
    f.key128("create_guid", false);
    if (version != null && !"v2".equals(version)) {
      for (String v2Only : new String[] {"timeout_ms", "persistent", "create_guid"}) {
        if (durable.has(v2Only)) {
          f.error(v2Only, "only durable version v2 carries it, version is '" + version + "'");
        }
      }
    }
  }
}
