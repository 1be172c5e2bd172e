package io.smbench.engine.ir;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The operation kinds of IR v1, one per SMB2 request a replay issues (MS-SMB2 2.2). The JSON name
 * is the constant's name, e.g. {@code "QueryDirectory"}.
 */
public enum OperationKind {
  /** SMB2 CREATE: opens or creates {@code path} and binds it to {@code handle_ref}. */
  Open(true),
  /** SMB2 CLOSE of {@code handle_ref}. */
  Close(false),
  /** SMB2 READ of {@code length} bytes at {@code offset}. */
  Read(false),
  /** SMB2 WRITE of {@code length} bytes at {@code offset}, from {@code blob_path} or generated. */
  Write(false),
  /** Open with DELETE_ON_CLOSE then close: removes the file at {@code path}. */
  Delete(true),
  /** Open, SET_INFO FileRenameInformation to {@code new_path}, close. */
  Rename(true),
  /** CREATE with FILE_DIRECTORY_FILE and FILE_CREATE, then close. */
  Mkdir(true),
  /** Removes the empty directory at {@code path}. */
  Rmdir(true),
  /** Opens the directory at {@code path} and lists it with QUERY_DIRECTORY. */
  QueryDirectory(true),
  /** SMB2 IOCTL with SMB2_0_IOCTL_IS_FSCTL set. */
  Fsctl(false),
  /** SMB2 IOCTL without the FSCTL flag (device control). */
  Ioctl(false),
  /** SMB2 QUERY_INFO on {@code handle_ref}. */
  QueryInfo(false),
  /** SMB2 SET_INFO on {@code handle_ref}. */
  SetInfo(false),
  /** SMB2 FLUSH of {@code handle_ref}. */
  Flush(false),
  /** SMB2 LOCK taking one byte range. */
  Lock(false),
  /** SMB2 LOCK releasing one byte range. */
  Unlock(false),
  /** SMB2 CHANGE_NOTIFY on a directory handle. */
  ChangeNotify(false);

  private static final String ACCEPTED =
      Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));

  private final boolean pathBased;

  OperationKind(boolean pathBased) {
    this.pathBased = pathBased;
  }

  /** @return true when the operation names its target by {@code path} rather than a handle */
  public boolean pathBased() {
    return pathBased;
  }

  /** @return the kind whose JSON name is {@code name}, or null if there is none */
  public static OperationKind fromJson(String name) {
    for (OperationKind kind : values()) {
      if (kind.name().equals(name)) {
        return kind;
      }
    }
    return null;
  }

  /** @return the accepted JSON names, comma separated, for error messages */
  public static String acceptedNames() {
    return ACCEPTED;
  }

  /** @return the accepted JSON names */
  public static List<String> jsonNames() {
    return Arrays.stream(values()).map(Enum::name).toList();
  }
}
