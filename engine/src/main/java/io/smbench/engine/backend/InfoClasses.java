package io.smbench.engine.backend;

import java.util.Map;

/** MS-FSCC information classes by name: file (2.4) and file system (2.5), and SMB2 InfoType (MS-SMB2 2.2.37). */
final class InfoClasses {
    static final Map<String, Integer> INFO_TYPE = Map.of("File", 1, "FileSystem", 2, "Security", 3, "Quota", 4);

    private static final Map<String, Integer> FILE = Map.ofEntries(
            Map.entry("FileDirectoryInformation", 1), Map.entry("FileFullDirectoryInformation", 2),
            Map.entry("FileBothDirectoryInformation", 3), Map.entry("FileBasicInformation", 4),
            Map.entry("FileStandardInformation", 5), Map.entry("FileInternalInformation", 6),
            Map.entry("FileEaInformation", 7), Map.entry("FileAccessInformation", 8),
            Map.entry("FileNameInformation", 9), Map.entry("FileRenameInformation", 10),
            Map.entry("FileNamesInformation", 12), Map.entry("FileDispositionInformation", 13),
            Map.entry("FilePositionInformation", 14), Map.entry("FileFullEaInformation", 15),
            Map.entry("FileModeInformation", 16), Map.entry("FileAlignmentInformation", 17),
            Map.entry("FileAllInformation", 18), Map.entry("FileAllocationInformation", 19),
            Map.entry("FileEndOfFileInformation", 20), Map.entry("FileAlternateNameInformation", 21),
            Map.entry("FileStreamInformation", 22), Map.entry("FileCompressionInformation", 28),
            Map.entry("FileNetworkOpenInformation", 34), Map.entry("FileAttributeTagInformation", 35),
            Map.entry("FileIdBothDirectoryInformation", 37), Map.entry("FileIdFullDirectoryInformation", 38),
            Map.entry("FileNormalizedNameInformation", 48), Map.entry("FileIdInformation", 59));
    private static final Map<String, Integer> FILE_SYSTEM = Map.of("FileFsVolumeInformation", 1,
            "FileFsSizeInformation", 3, "FileFsDeviceInformation", 4, "FileFsAttributeInformation", 5,
            "FileFsControlInformation", 6, "FileFsFullSizeInformation", 7, "FileFsObjectIdInformation", 8,
            "FileFsSectorSizeInformation", 11);

    private InfoClasses() {}

    /** The class code of {@code name} for {@code infoType}; a number is taken as it is; -1 when unknown. */
    static int infoClass(int infoType, String name) {
        if (name == null) {
            return -1;
        }
        if (name.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(name);
        }
        Integer code = (infoType == 2 ? FILE_SYSTEM : FILE).get(name);
        return code == null ? -1 : code;
    }
}
