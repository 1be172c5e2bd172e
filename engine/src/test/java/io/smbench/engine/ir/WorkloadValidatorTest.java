package io.smbench.engine.ir;

import static io.smbench.engine.ir.Workloads.close;
import static io.smbench.engine.ir.Workloads.op;
import static io.smbench.engine.ir.Workloads.open;
import static io.smbench.engine.ir.Workloads.withOps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per validation rule, each asserting op_id, field and message. */
class WorkloadValidatorTest {
  @TempDir Path dir;

  private ValidationReport validate(String json) {
    return WorkloadValidator.validate(Workloads.write(dir, "w.json", json));
  }

  @Test
  void shouldAcceptSeedDocumentWithClientCountWarning() throws IOException {
    // The seed names /tmp/data.bin absolutely; create it for the test if nobody has.
    Path blob = Path.of("/tmp/data.bin");
    boolean created = !Files.exists(blob);
    if (created) {
      Files.write(blob, new byte[1024]);
    }
    try {
      ValidationReport report = validate(Workloads.SEED);

      assertThat(report.errors()).isEmpty();
      assertThat(report.isValid()).isTrue();
      assertThat(report.warnings()).extracting(ValidationIssue::field, ValidationIssue::message)
          .containsExactly(tuple("metadata.client_count",
              "says 2 but 'clients' declares 1; informational only, the replay uses 'clients'"));
      assertThat(report.summary().operationCount()).isEqualTo(3);
      assertThat(report.summary().operationsByKind())
          .containsExactly(
              org.assertj.core.api.Assertions.entry("Close", 1L),
              org.assertj.core.api.Assertions.entry("Open", 1L),
              org.assertj.core.api.Assertions.entry("Write", 1L));
      assertThat(report.summary().lastTimestampUs()).isEqualTo(200_000);
    } finally {
      if (created) {
        Files.delete(blob);
      }
    }
  }

  @Test
  void shouldReportMissingBlobResolvedAgainstWorkloadFolder() {
    ValidationReport report = validate(withOps(open("o1", 0, "h"),
        op("o2", 1, "Write", "\"handle_ref\":\"h\",\"offset\":0,\"length\":4,\"blob_path\":\"blobs/a.bin\""),
        close("o3", 2, "h")));

    assertThat(report.errors()).extracting(ValidationIssue::opId, ValidationIssue::field,
            ValidationIssue::message)
        .containsExactly(tuple("o2", "blob_path",
            "blob file not found: " + dir.toAbsolutePath().resolve("blobs/a.bin")));
  }

  @Test
  void shouldAcceptRelativeBlobNextToWorkloadAndRejectShortOne() throws IOException {
    Files.write(dir.resolve("a.bin"), new byte[4]);
    ValidationReport report = validate(withOps(open("o1", 0, "h"),
        op("o2", 1, "Write", "\"handle_ref\":\"h\",\"offset\":0,\"length\":4,\"blob_path\":\"a.bin\""),
        op("o3", 2, "Write", "\"handle_ref\":\"h\",\"offset\":0,\"length\":5,\"blob_path\":\"a.bin\""),
        close("o4", 3, "h")));

    assertThat(report.errors()).extracting(ValidationIssue::opId, ValidationIssue::field,
            ValidationIssue::message)
        .containsExactly(tuple("o3", "blob_path", "blob file " + dir.toAbsolutePath().resolve("a.bin")
            + " has 4 bytes, fewer than length 5"));
  }

  @Test
  void shouldSkipBlobChecksWhenAskedTo() {
    Path file = Workloads.write(dir, "w.json", withOps(open("o1", 0, "h"),
        op("o2", 1, "Write", "\"handle_ref\":\"h\",\"offset\":0,\"length\":4,\"blob_path\":\"nope.bin\""),
        close("o3", 2, "h")));

    assertThat(WorkloadValidator.validate(file, ValidationOptions.defaults().withoutBlobChecks())
        .errors()).isEmpty();
  }

  @Test
  void shouldReportUnknownOperationListingAcceptedOnes() {
    ValidationReport report = validate(withOps(op("o1", 0, "Truncate", "\"path\":\"/f\"")));

    ValidationIssue issue = report.errors().get(0);
    assertThat(issue.opId()).isEqualTo("o1");
    assertThat(issue.field()).isEqualTo("operation");
    assertThat(issue.message()).startsWith("unknown operation 'Truncate'; accepted: Open, Close,")
        .contains("ChangeNotify");
    assertThat(report.errors()).hasSize(1);
  }

  @Test
  void shouldReportDuplicateOpIdWithFirstIndex() {
    ValidationReport report = validate(withOps(open("o1", 0, "h"), close("o1", 1, "h")));

    assertThat(report.errors()).extracting(ValidationIssue::opId, ValidationIssue::field,
            ValidationIssue::message, ValidationIssue::location)
        .containsExactly(tuple("o1", "op_id", "duplicate op_id 'o1', first used at operations[0]",
            "operations[1], line 4"));
  }

  @Test
  void shouldReportUndeclaredClientOnceAtItsFirstOperation() {
    String other = "{\"op_id\":\"o2\",\"client_id\":\"ghost\",\"timestamp_us\":0,\"operation\":\"Mkdir\",\"path\":\"/d\"}";
    String other2 = "{\"op_id\":\"o3\",\"client_id\":\"ghost\",\"timestamp_us\":1,\"operation\":\"Rmdir\",\"path\":\"/d\"}";
    ValidationReport report = validate(withOps(op("o1", 0, "Mkdir", "\"path\":\"/x\""), other, other2));

    assertThat(report.errors()).extracting(ValidationIssue::opId, ValidationIssue::field,
            ValidationIssue::message)
        .containsExactly(tuple("o2", "client_id",
            "client 'ghost' is not declared in 'clients' (first use; 2 operation(s) in all)"));
  }

  @Test
  void shouldReportTimestampGoingBackwardsForOneClient() {
    ValidationReport report = validate(withOps(open("o1", 500, "h"), close("o2", 400, "h")));

    assertThat(report.errors()).extracting(ValidationIssue::opId, ValidationIssue::field,
            ValidationIssue::message)
        .containsExactly(tuple("o2", "timestamp_us",
            "goes backwards for this client: 400 < 500 of o1"));
  }

  @Test
  void shouldAllowDifferentClientsToInterleaveTimestamps() {
    String b = "{\"op_id\":\"o2\",\"client_id\":\"user002\",\"timestamp_us\":10,\"operation\":\"Mkdir\",\"path\":\"/b\"}";
    ValidationReport report = validate(withOps(op("o1", 50, "Mkdir", "\"path\":\"/a\""), b));

    assertThat(report.errors()).isEmpty();
  }

  @Test
  void shouldReportHandleUsedBeforeItsOpen() {
    ValidationReport report = validate(withOps(
        op("o1", 0, "Read", "\"handle_ref\":\"h\",\"offset\":0,\"length\":1"), open("o2", 1, "h"),
        close("o3", 2, "h")));

    assertThat(report.errors()).extracting(ValidationIssue::opId, ValidationIssue::field,
            ValidationIssue::message)
        .containsExactly(tuple("o1", "handle_ref", "handle 'h' used before its Open (no Open with"
            + " this handle_ref earlier for this client)"));
  }

  @Test
  void shouldReportHandleUsedAfterItsClose() {
    ValidationReport report = validate(withOps(open("o1", 0, "h"), close("o2", 1, "h"),
        op("o3", 2, "Flush", "\"handle_ref\":\"h\"")));

    assertThat(report.errors()).extracting(ValidationIssue::opId, ValidationIssue::field,
            ValidationIssue::message)
        .containsExactly(tuple("o3", "handle_ref", "handle 'h' used after its Close (o2)"));
  }

  @Test
  void shouldReportHandleOpenedTwiceWhileOpen() {
    ValidationReport report = validate(withOps(open("o1", 0, "h"), open("o2", 1, "h"),
        close("o3", 2, "h")));

    assertThat(report.errors()).extracting(ValidationIssue::opId, ValidationIssue::field,
            ValidationIssue::message)
        .containsExactly(tuple("o2", "handle_ref", "handle 'h' is opened twice: it is still open"
            + " from o1 (Close it first or use another handle_ref)"));
  }

  @Test
  void shouldNotOpenHandleWhenOpenIsExpectedToFail() {
    String failingOpen = op("o1", 0, "Open", "\"path\":\"/f\",\"mode\":\"Read\",\"handle_ref\":\"h\","
        + "\"expected_status\":\"STATUS_OBJECT_NAME_NOT_FOUND\"");
    ValidationReport report = validate(withOps(failingOpen, open("o2", 1, "h"), close("o3", 2, "h")));

    assertThat(report.errors()).isEmpty();
  }

  @Test
  void shouldReportNegativeOffsetAndLengthWithValue() {
    ValidationReport report = validate(withOps(open("o1", 0, "h"),
        op("o2", 1, "Read", "\"handle_ref\":\"h\",\"offset\":-5,\"length\":-1"), close("o3", 2, "h")));

    assertThat(report.errors()).extracting(ValidationIssue::opId, ValidationIssue::field,
            ValidationIssue::message)
        .containsExactly(tuple("o2", "offset", "must be >= 0, was -5"),
            tuple("o2", "length", "must be >= 0, was -1"));
    assertThat(report.errors().get(0)).hasToString(
        "o2 (operations[1], line 4): field 'offset': must be >= 0, was -5");
  }

  @Test
  void shouldReportWrongTypes() {
    ValidationReport report = validate(withOps(open("o1", 0, "h"),
        op("o2", 1, "Lock", "\"handle_ref\":\"h\",\"offset\":\"12\",\"length\":1,\"exclusive\":\"yes\""),
        close("o3", 2, "h")));

    assertThat(report.errors()).extracting(ValidationIssue::opId, ValidationIssue::field,
            ValidationIssue::message)
        .containsExactly(tuple("o2", "offset", "must be an integer, was string \"12\""),
            tuple("o2", "exclusive", "must be true or false, was string \"yes\""));
  }

  @Test
  void shouldReportMissingRequiredFieldsPerKind() {
    ValidationReport report = validate(withOps(op("o1", 0, "Rename", "\"path\":\"/a\""),
        op("o2", 1, "Open", "\"path\":\"/a\""),
        "{\"op_id\":\"o3\",\"operation\":\"Mkdir\",\"path\":\"/d\"}"));

    assertThat(report.errors()).extracting(ValidationIssue::opId, ValidationIssue::field,
            ValidationIssue::message)
        .containsExactly(tuple("o1", "new_path", "required field is missing"),
            tuple("o2", "mode", "required field is missing"),
            tuple("o2", "handle_ref", "required field is missing"),
            tuple("o3", "client_id", "required field is missing"),
            tuple("o3", "timestamp_us", "required field is missing"));
  }

  @Test
  void shouldReportBadEnumValuesListingAcceptedOnes() {
    String badOpen = op("o1", 0, "Open", "\"path\":\"/f\",\"mode\":\"Append\",\"handle_ref\":\"h\","
        + "\"extensions\":{\"oplock_level\":\"Level2\",\"create_disposition\":\"OpenAlways\"}");
    ValidationReport report = validate(withOps(badOpen, close("o2", 1, "h")));

    assertThat(report.errors()).extracting(ValidationIssue::opId, ValidationIssue::field,
            ValidationIssue::message)
        .containsExactly(
            tuple("o1", "mode", "'Append' is not accepted; accepted: Read, Write, ReadWrite"),
            tuple("o1", "extensions.oplock_level",
                "'Level2' is not accepted; accepted: None, LevelII, Exclusive, Batch"),
            tuple("o1", "extensions.create_disposition", "'OpenAlways' is not accepted; accepted:"
                + " Supersede, Open, Create, OpenIf, Overwrite, OverwriteIf"));
  }

  @Test
  void shouldCheckLeaseAndDurableExtensions() {
    String open = op("o1", 0, "Open", "\"path\":\"/f\",\"mode\":\"Read\",\"handle_ref\":\"h\","
        + "\"extensions\":{\"lease\":{\"state\":\"WH\",\"key\":\"abc\",\"version\":1,"
        + "\"parent_key\":\"00112233445566778899aabbccddeeff\"},"
        + "\"durable\":{\"version\":\"v1\",\"timeout_ms\":1000}}");
    ValidationReport report = validate(withOps(open, close("o2", 1, "h")));

    assertThat(report.errors()).extracting(ValidationIssue::field, ValidationIssue::message)
        .containsExactly(
            tuple("extensions.lease.state",
                "'WH' is not a lease state; use R, RH, RW or RWH (W and H need R)"),
            tuple("extensions.lease.key", "must be 32 hex digits (16 bytes), was \"abc\""),
            tuple("extensions.lease.parent_key",
                "needs lease version 2 (only the v2 lease context carries a parent key)"),
            tuple("extensions.durable.timeout_ms",
                "only durable version v2 carries it, version is 'v1'"));
  }

  @Test
  void shouldAcceptStatusNamesAndAnyHexCodeButNotUnknownNames() {
    ValidationReport report = validate(withOps(
        op("o1", 0, "Mkdir", "\"path\":\"/a\",\"expected_status\":\"STATUS_SUCCESS\""),
        op("o2", 1, "Mkdir", "\"path\":\"/a\",\"expected_status\":\"0xC0000035\""),
        op("o3", 2, "Mkdir", "\"path\":\"/a\",\"expected_status\":\"0xDEADBEEF\""),
        op("o4", 3, "Mkdir", "\"path\":\"/a\",\"expected_status\":\"STATUS_BOGUS\"")));

    assertThat(report.errors()).extracting(ValidationIssue::opId, ValidationIssue::field)
        .containsExactly(tuple("o4", "expected_status"));
    assertThat(report.errors().get(0).message()).startsWith("unknown NTSTATUS 'STATUS_BOGUS';");
  }

  @Test
  void shouldReportDeclaredOperationCountThatDisagrees() {
    String json = "{\"version\":1,\"clients\":[{\"client_id\":\"user001\",\"operation_count\":5}],"
        + "\"operations\":[" + op("o1", 0, "Mkdir", "\"path\":\"/a\"") + "]}";
    ValidationReport report = validate(json);

    assertThat(report.errors()).extracting(ValidationIssue::opId, ValidationIssue::field,
            ValidationIssue::message)
        .containsExactly(tuple(null, "clients[0].operation_count",
            "client 'user001' declares 5 operation(s) but the workload has 1"));
  }

  @Test
  void shouldReportMetadataOperationCountThatDisagrees() {
    String json = "{\"version\":1,\"metadata\":{\"operation_count\":2},"
        + "\"clients\":[{\"client_id\":\"user001\"}],"
        + "\"operations\":[" + op("o1", 0, "Mkdir", "\"path\":\"/a\"") + "]}";
    ValidationReport report = validate(json);

    assertThat(report.errors()).extracting(ValidationIssue::field, ValidationIssue::message)
        .containsExactly(tuple("metadata.operation_count", "says 2 but 'operations' has 1"));
  }

  @Test
  void shouldReportEveryErrorNotJustTheFirst() {
    ValidationReport report = validate(withOps(
        op("o1", 0, "Read", "\"handle_ref\":\"h\",\"offset\":-1,\"length\":1"),
        op("o2", 1, "Dance", ""),
        op("o3", 2, "Delete", "")));

    assertThat(report.errors()).extracting(ValidationIssue::opId)
        .containsExactly("o1", "o1", "o2", "o3");
  }

  @Test
  void shouldReportMalformedJsonOnceWithLineAndColumn() {
    ValidationReport report = validate("{\"version\":1,\n\"clients\":[}\n");

    assertThat(report.errors()).hasSize(1);
    ValidationIssue issue = report.errors().get(0);
    assertThat(issue.location()).isEqualTo("line 2, column 12");
    assertThat(issue.message()).isEqualTo("malformed JSON: Unexpected close marker '}': expected ']'"
        + " (for Array starting at [line: 2, column: 11])");
  }

  @Test
  void shouldReportMissingVersion() {
    ValidationReport report = validate("{\"clients\":[],\"operations\":[]}");

    assertThat(report.errors()).extracting(ValidationIssue::field, ValidationIssue::message)
        .containsExactly(tuple("version", "required field is missing; this smbench reads IR version 1"));
  }

  @Test
  void shouldRefuseLaterVersionWithoutJudgingItsOperations() {
    ValidationReport report = validate("{\"version\":2,\"clients\":[],\"operations\":[{\"new\":true}]}");

    assertThat(report.errors()).extracting(ValidationIssue::field, ValidationIssue::message)
        .containsExactly(tuple("version", "unsupported IR version 2; this smbench reads version 1"
            + " only (a newer smbench may read it)"));
  }

  @Test
  void shouldHandleClientsAfterOperations() {
    String json = "{\"version\":1,\"operations\":[" + op("o1", 0, "Mkdir", "\"path\":\"/a\"")
        + "],\"clients\":[{\"client_id\":\"user001\",\"operation_count\":1}]}";

    ValidationReport report = validate(json);

    assertThat(report.errors()).isEmpty();
    assertThat(report.summary().clientCount()).isEqualTo(1);
  }

  @Test
  void shouldWarnAboutHandlesNeverClosed() {
    ValidationReport report = validate(withOps(open("o1", 0, "h")));

    assertThat(report.isValid()).isTrue();
    assertThat(report.warnings()).extracting(ValidationIssue::opId, ValidationIssue::message)
        .contains(tuple("o1", "handle 'h' is never closed; the replay closes it at the end"));
  }

  @Test
  void shouldReportUnreadableFileAsError() {
    ValidationReport report = WorkloadValidator.validate(dir.resolve("absent.json"));

    assertThat(report.isValid()).isFalse();
    assertThat(report.errors().get(0).message()).startsWith("cannot read workload:");
  }

  @Test
  void shouldFormatSummary() {
    ValidationReport report = validate(withOps(open("o1", 0, "h"), close("o2", 1_500_000, "h")));

    assertThat(report.summary().format()).isEqualTo(
        "clients:    2\noperations: 2 (Close 1, Open 1)\ntimestamps: 0 us to 1500000 us (1.500 s)\n");
  }

  @Test
  void shouldReportClientDeclaredTwice() {
    String json = "{\"version\":1,\"clients\":[{\"client_id\":\"c\"},{\"client_id\":\"c\"}],"
        + "\"operations\":[]}";

    assertThat(validate(json).errors()).extracting(ValidationIssue::field, ValidationIssue::message,
            ValidationIssue::location)
        .containsExactly(tuple("clients[1].client_id", "client 'c' is declared twice (also clients[0])",
            "line 1, column 14"));
  }

  @Test
  void shouldWarnAboutDeclaredClientWithoutOperations() {
    ValidationReport report = validate(withOps(op("o1", 0, "Mkdir", "\"path\":\"/a\"")));

    assertThat(report.isValid()).isTrue();
    assertThat(report.warnings()).extracting(ValidationIssue::field, ValidationIssue::message)
        .containsExactly(tuple("clients[1]", "client 'user002' is declared but has no operations"));
  }

  @Test
  void shouldReportOperationThatIsNotAnObject() {
    ValidationReport report = validate(withOps("[1,2]"));

    assertThat(report.errors()).extracting(ValidationIssue::opId, ValidationIssue::message,
            ValidationIssue::location)
        .containsExactly(tuple(null, "an operation must be a JSON object, was an array",
            "operations[0], line 3"));
  }

  @Test
  void shouldCheckIoctlSetInfoAndChangeNotifyFields() {
    ValidationReport report = validate(withOps(open("o1", 0, "h"),
        op("o2", 1, "Fsctl", "\"handle_ref\":\"h\",\"ctl_code\":\"FSCTL_X\",\"input\":\"abc\""),
        op("o3", 2, "SetInfo", "\"handle_ref\":\"h\",\"info_type\":\"Files\",\"info_class\":300"),
        op("o4", 3, "ChangeNotify", "\"handle_ref\":\"h\",\"completion_filter\":[\"FileName\",\"Names\"]"),
        op("o5", 4, "Ioctl", "\"handle_ref\":\"h\",\"ctl_code\":\"0x00090078\",\"input\":\"00\","
            + "\"input_blob\":\"in.bin\""),
        close("o6", 5, "h")));

    assertThat(report.errors()).extracting(ValidationIssue::opId, ValidationIssue::field,
            ValidationIssue::message)
        .containsExactly(
            tuple("o2", "ctl_code", "must be an integer or a hex string like \"0x00090078\", was string"
                + " \"FSCTL_X\""),
            tuple("o2", "input", "must be hex bytes (pairs of 0-9, a-f), was \"abc\""),
            tuple("o3", "info_type", "'Files' is not accepted; accepted: File, FileSystem, Security, Quota"),
            tuple("o3", "info_class", "must be a class name like \"FileBasicInformation\" or a number"
                + " 1-255, was number 300"),
            tuple("o3", "input", "required field is missing (or give 'input_blob', a file)"),
            tuple("o4", "completion_filter[1]", "string \"Names\" is not accepted; accepted: FileName,"
                + " DirName, Attributes, Size, LastWrite, LastAccess, Creation, Ea, Security, StreamName,"
                + " StreamSize, StreamWrite"),
            tuple("o5", "input_blob", "give either 'input' (hex) or 'input_blob' (file), not both"),
            tuple("o5", "input_blob", "blob file not found: " + dir.toAbsolutePath().resolve("in.bin")));
  }

  @Test
  void shouldRejectOplockCombinedWithLease() {
    String open = op("o1", 0, "Open", "\"path\":\"/f\",\"mode\":\"Read\",\"handle_ref\":\"h\","
        + "\"extensions\":{\"oplock_level\":\"Batch\",\"lease\":{\"state\":\"RWH\"}}");

    assertThat(validate(withOps(open, close("o2", 1, "h"))).errors())
        .extracting(ValidationIssue::field, ValidationIssue::message)
        .containsExactly(tuple("extensions.oplock_level", "'Batch' cannot be combined with a lease;"
            + " a lease request replaces the oplock (RequestedOplockLevel SMB2_OPLOCK_LEVEL_LEASE)"));
  }

  @Test
  void shouldAcceptEveryOpenExtension() {
    String open = op("o1", 0, "Open", "\"path\":\"/f\",\"mode\":\"ReadWrite\",\"handle_ref\":\"h\","
        + "\"extensions\":{\"lease\":{\"state\":\"RHW\",\"key\":\"00112233445566778899AABBCCDDEEFF\","
        + "\"version\":2,\"parent_key\":\"ffeeddccbbaa99887766554433221100\",\"epoch\":1},"
        + "\"durable\":{\"version\":\"v2\",\"timeout_ms\":60000,\"persistent\":true},"
        + "\"create_disposition\":\"Supersede\",\"share_access\":[\"Read\",\"Write\",\"Delete\"],"
        + "\"desired_access\":[\"GenericRead\",\"Delete\"],\"create_options\":\"0x00000040\","
        + "\"x_vendor\":{\"any\":\"thing\"}}");

    assertThat(validate(withOps(open, close("o2", 1, "h"))).errors()).isEmpty();
  }

  @Test
  void shouldCountButNotListIssuesBeyondTheCap() {
    Path file = Workloads.write(dir, "w.json", withOps(op("o1", 0, "A", ""), op("o2", 1, "B", ""),
        op("o3", 2, "C", "")));

    ValidationReport report = WorkloadValidator.validate(file, new ValidationOptions(null, true, 2));

    assertThat(report.errors()).extracting(ValidationIssue::message).last()
        .isEqualTo("1 more error(s) not listed; fix the ones above first");
    assertThat(report.errors()).hasSize(3);
  }

  @Test
  void shouldPrintHeaderIssueWithLineAndColumn() {
    ValidationReport report = validate("{\"version\":\"1\",\"clients\":[],\"operations\":[]}");

    assertThat(report.errors()).singleElement()
        .hasToString("line 1, column 2: field 'version': must be an integer, was string \"1\"");
  }

  @Test
  void shouldFindOnlyTheRealDuplicateAmongManyOpIds() throws IOException {
    StringBuilder ops = new StringBuilder();
    int n = 100_000;
    for (int i = 0; i < n; i++) {
      ops.append(i == 0 ? "" : ",\n").append(op("op_" + i, i, "Mkdir", "\"path\":\"/d\""));
    }
    ops.append(",\n").append(op("op_77777", n, "Mkdir", "\"path\":\"/d\""));
    String json = "{\"version\":1,\"operations\":[\n" + ops + "],\"clients\":[{\"client_id\":\"user001\"}]}";

    ValidationReport report = validate(json);

    assertThat(report.errors()).extracting(ValidationIssue::opId, ValidationIssue::message)
        .containsExactly(tuple("op_77777", "duplicate op_id 'op_77777', first used at operations[77777]"));
    assertThat(report.summary().operationCount()).isEqualTo(n + 1);
  }

  @Test
  void shouldAcceptEmptyHexInput() {
    ValidationReport report = validate(withOps(open("o1", 0, "h"),
        op("o2", 1, "Fsctl", "\"handle_ref\":\"h\",\"ctl_code\":590040,\"input\":\"\""),
        close("o3", 2, "h")));

    assertThat(report.errors()).isEmpty();
  }
}
