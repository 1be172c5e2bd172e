package io.smbench.engine.ir;

import org.agrona.collections.LongHashSet;

/**
 * Finds duplicate op_ids in a million operations without keeping a million strings: each id is
 * stored as a 64-bit hash in a primitive set (about 16 bytes an id instead of about 80). A hash
 * seen twice is only a suspect, since two ids may share a hash; {@link WorkloadValidator}
 * confirms suspects in a second pass over the file that keeps just the suspect ids.
 */
final class OpIdSet {
  private final LongHashSet seen = new LongHashSet();
  private final LongHashSet suspects = new LongHashSet();

  void add(String opId) {
    long h = hash(opId);
    if (!seen.add(h)) {
      suspects.add(h);
    }
  }

  boolean hasSuspects() {
    return !suspects.isEmpty();
  }

  boolean isSuspect(String opId) {
    return suspects.contains(hash(opId));
  }

  /** FNV-1a over UTF-16 units, then a murmur3 finalizer to spread short, similar ids. */
  static long hash(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }
}
