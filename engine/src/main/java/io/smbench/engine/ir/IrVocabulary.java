package io.smbench.engine.ir;

import java.util.List;

/**
 * The names IR v1 accepts for enumerated fields, in the spelling of MS-SMB2 and MS-FSCC with the
 * prefixes dropped (FILE_OPEN_IF becomes OpenIf). One place, so the validator, its messages and
 * the reference documentation cannot disagree.
 */
final class IrVocabulary {
  static final List<String> MODES = List.of("Read", "Write", "ReadWrite");
  static final List<String> OPLOCK_LEVELS = List.of("None", "LevelII", "Exclusive", "Batch");
  static final List<String> CREATE_DISPOSITIONS =
      List.of("Supersede", "Open", "Create", "OpenIf", "Overwrite", "OverwriteIf");
  static final List<String> SHARE_ACCESS = List.of("Read", "Write", "Delete");
  static final List<String> DESIRED_ACCESS = List.of(
      "ReadData", "WriteData", "AppendData", "ReadEa", "WriteEa", "Execute", "DeleteChild",
      "ReadAttributes", "WriteAttributes", "Delete", "ReadControl", "WriteDac", "WriteOwner",
      "Synchronize", "AccessSystemSecurity", "MaximumAllowed", "GenericAll", "GenericExecute",
      "GenericWrite", "GenericRead");
  static final List<String> CREATE_OPTIONS = List.of(
      "DirectoryFile", "WriteThrough", "SequentialOnly", "NoIntermediateBuffering",
      "NonDirectoryFile", "CompleteIfOplocked", "NoEaKnowledge", "RandomAccess", "DeleteOnClose",
      "OpenByFileId", "OpenForBackupIntent", "NoCompression", "OpenReparsePoint", "OpenNoRecall",
      "OpenForFreeSpaceQuery");
  static final List<String> DURABLE_VERSIONS = List.of("none", "v1", "v2");
  static final List<Integer> LEASE_VERSIONS = List.of(1, 2);
  static final List<String> INFO_TYPES = List.of("File", "FileSystem", "Security", "Quota");
  static final List<String> COMPLETION_FILTER = List.of(
      "FileName", "DirName", "Attributes", "Size", "LastWrite", "LastAccess", "Creation", "Ea",
      "Security", "StreamName", "StreamSize", "StreamWrite");

  private IrVocabulary() {}
}
