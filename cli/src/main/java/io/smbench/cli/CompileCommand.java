package io.smbench.cli;

import io.smbench.engine.compile.CaptureCompiler;
import io.smbench.engine.compile.CaptureFormatException;
import io.smbench.engine.compile.ClientsBy;
import io.smbench.engine.compile.CompileSummary;
import io.smbench.engine.compile.TimeWindow;
import io.smbench.engine.ir.ValidationIssue;
import io.smbench.engine.ir.ValidationReport;
import io.smbench.engine.ir.WorkloadValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code smbench compile}: a pcap/pcapng capture of SMB2/3 traffic into an IR v1 workload. */
@Command(name = "compile", mixinStandardHelpOptions = true,
        description = {"Compile a packet capture (pcap or pcapng) of SMB2/3 traffic into a replayable workload.",
            "Each TCP connection (or session, or user) becomes a client; each request the replay can perform becomes an operation",
            "with the server's answer as expected_status. What cannot be expressed is counted, never dropped silently."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:compiled (the summary says what was left out, and where a capture cut inside a record "
                + "ended: its complete packets are compiled)", "1:the workload could not be written",
            "2:the capture is corrupt, holds no complete packet, or an option is invalid (the message names the "
                + "packet and byte offset)"})
public final class CompileCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CAPTURE", description = "pcap or pcapng file.")
    Path capture;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true, description = "Workload to write (IR v1 JSON).")
    Path output;

    @Option(names = "--port", paramLabel = "PORT", split = ",", description = "SMB server ports (default: 445,139).")
    List<Integer> ports;

    @Option(names = "--map", paramLabel = "FROM=TO",
            description = "Rewrite path prefixes, e.g. --map /Projects/=/lab/projects/ (repeatable).")
    List<String> maps;

    @Option(names = "--clients", paramLabel = "LIST", split = ",",
            description = "Keep only these clients (conn001,conn003; or session-..., DOMAIN\\user with --clients-by); "
                    + "connection ids are assigned in order of first packet.")
    List<String> clients;

    @Option(names = "--keys", paramLabel = "SESSIONID,SESSIONKEY",
            description = "Session keys to decrypt SMB3 traffic, as Wireshark takes them (SessionId in wire byte order, "
                    + "hex); repeatable; @FILE reads one entry per line.")
    List<String> keys;

    @Option(names = "--time-range", paramLabel = "FROM..TO",
            description = {"Keep only operations whose request falls in this window, in seconds from the first packet "
                    + "(decimals allowed; 5.., ..12.5, 5..12.5). Timestamps then start at FROM. Handles opened before "
                    + "the window and still open at its start are opened at timestamp 0 (with CreateDisposition Open), "
                    + "so the window's operations can use them and the server holds the same opens."})
    String timeRange;

    @Option(names = "--extract-data",
            description = {"Save the data of each captured WRITE as a blob file beside the workload "
                    + "(WORKLOAD-NAME.blobs/CLIENT/OP_ID.bin) and name it in the write's blob_path, so the replay writes "
                    + "the captured bytes. Without it, the replay writes generated data of the same length."})
    boolean extractData;

    @Option(names = "--clients-by", paramLabel = "connection|session|user", defaultValue = "connection",
            description = {"What becomes one client of the workload: each TCP connection (default, conn001...), each "
                    + "SMB session (session-<SessionId>), or each user (DOMAIN\\user from the NTLM AUTHENTICATE in "
                    + "SESSION_SETUP; sessions whose user cannot be read stay clients of their own). --clients names "
                    + "clients of the chosen kind."})
    String clientsBy;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(capture)) {
            spec.commandLine().getErr().println("error: capture not found: " + capture);
            return ExitCodes.INVALID_INPUT;
        }
        Map<String, String> pathMap = new LinkedHashMap<>();
        if (maps != null) {
            for (String map : maps) {
                int eq = map.indexOf('=');
                if (eq <= 0) {
                    throw new ParameterException(spec.commandLine(), "--map takes FROM=TO, was '" + map + "'");
                }
                pathMap.put(map.substring(0, eq), map.substring(eq + 1));
            }
        }
        Set<Integer> portSet = ports == null ? Set.of(445, 139) : new LinkedHashSet<>(ports);
        Set<String> keep = clients == null ? Set.of() : new LinkedHashSet<>(clients);
        CompileSummary summary;
        try {
            io.smbench.engine.compile.SessionKeyTable keyTable;
            try {
                keyTable = keys == null ? io.smbench.engine.compile.SessionKeyTable.none()
                        : io.smbench.engine.compile.SessionKeyTable.parse(keys);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            CaptureCompiler.Options options = new CaptureCompiler.Options(portSet, pathMap, keep, keyTable)
                    .withExtractedData(extractData);
            try {
                options = options.withClientsBy(ClientsBy.parse(clientsBy));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--clients-by: " + e.getMessage());
            }
            if (timeRange != null) {
                try {
                    options = options.withWindow(TimeWindow.parse(timeRange));
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(), "--time-range: " + e.getMessage());
                }
            }
            summary = new CaptureCompiler(options).compile(capture, output);
        } catch (CaptureFormatException e) {
            spec.commandLine().getErr().println("error: " + capture + ": " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        spec.commandLine().getOut().print(summary.format());
        ValidationReport report = WorkloadValidator.validate(output);
        for (ValidationIssue issue : report.errors()) {
            spec.commandLine().getErr().println("workload check: " + issue);
        }
        spec.commandLine().getOut().println(output + ": " + (report.isValid() ? "valid IR v1 workload"
                : report.errors().size() + " validation errors (see above)"));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
