package io.smbench.engine.compile;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles a capture into an IR v1 workload: each TCP connection to an SMB port becomes a client,
 * each request/response exchange that a replay can perform becomes an operation with the
 * response's status as expected_status; timestamps are microseconds from the first packet (or from
 * the start of the {@link TimeWindow}, see {@link WindowFilter}).
 * Operations go to a temporary file as they are found, so memory stays bounded whatever the
 * capture's size; the workload is assembled at the end.
 */
public final class CaptureCompiler {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What to compile: SMB ports, path rewrites ("/cust/" to "/lab/"), clients to keep (empty: all). */
    public record Options(Set<Integer> ports, Map<String, String> pathMap, Set<String> keepClients,
            SessionKeyTable keys, TimeWindow window, boolean extractData, ClientsBy clientsBy) {
        public Options(Set<Integer> ports, Map<String, String> pathMap, Set<String> keepClients) {
            this(ports, pathMap, keepClients, SessionKeyTable.none());
        }

        public Options(Set<Integer> ports, Map<String, String> pathMap, Set<String> keepClients,
                SessionKeyTable keys) {
            this(ports, pathMap, keepClients, keys, TimeWindow.ALL, false, ClientsBy.CONNECTION);
        }

        /** The same options keeping only the operations whose request falls in {@code window}. */
        public Options withWindow(TimeWindow window) {
            return new Options(ports, pathMap, keepClients, keys, window, extractData, clientsBy);
        }

        /** The same options saving the data of WRITE requests as blobs (see {@link BlobWriter}). */
        public Options withExtractedData(boolean extract) {
            return new Options(ports, pathMap, keepClients, keys, window, extract, clientsBy);
        }

        /** The same options making a client of each connection, session or user (see {@link ClientRegistry}). */
        public Options withClientsBy(ClientsBy by) {
            return new Options(ports, pathMap, keepClients, keys, window, extractData, by);
        }

        public static Options defaults() {
            return new Options(Set.of(445, 139), Map.of(), Set.of());
        }
    }

    private final Options options;
    private final CompileSummary summary = new CompileSummary();
    private final Map<String, Connection> connections = new LinkedHashMap<>();
    private final Map<String, Long> opsPerClient = new LinkedHashMap<>();
    private final Map<String, Long> lastTimestamp = new HashMap<>();
    private final ClientRegistry clients;
    private long origin = -1;
    private BufferedWriter operations;
    private final WindowFilter window;
    private BlobWriter blobs;

    private final class Connection {
        final String clientEndpoint;
        final SmbConversation conversation;
        final TcpReassembler toServer;
        final TcpReassembler toClient;
        final Smb2StreamFramer toServerFramer;
        final Smb2StreamFramer toClientFramer;

        Connection(String connectionId, String clientEndpoint) {
            this.clientEndpoint = clientEndpoint;
            this.conversation = new SmbConversation(connectionId, clients, origin, summary, CaptureCompiler.this::emit);
            this.conversation.decryptWith(options.keys());
            this.conversation.keepWriteData(options.extractData());
            this.toServerFramer = new Smb2StreamFramer(conversation::clientMessage);
            this.toClientFramer = new Smb2StreamFramer(conversation::serverMessage);
            this.toServer = new TcpReassembler(toServerFramer);
            this.toClient = new TcpReassembler(toClientFramer);
        }
    }

    public CaptureCompiler(Options options) {
        this.options = options;
        this.clients = new ClientRegistry(options.clientsBy(), summary);
        this.window = options.window().isAll() ? null : new WindowFilter(options.window(), summary, this::write);
    }

    /** Compiles {@code capture} into {@code workload}; returns what was read, written and left out. */
    public CompileSummary compile(Path capture, Path workload) throws IOException {
        Path temporary = Files.createTempFile(workload.toAbsolutePath().getParent(), "smbench-compile", ".jsonl");
        try {
            try (CaptureReader reader = CaptureReader.open(capture);
                    BufferedWriter ops = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                this.operations = ops;
                this.blobs = options.extractData() ? new BlobWriter(workload) : null;
                PacketDecoder decoder = new PacketDecoder();
                CapturedPacket packet;
                while ((packet = next(reader)) != null) {
                    summary.packets++;
                    if (origin < 0) {
                        origin = packet.timestampNanos();
                    }
                    TcpSegment segment = decoder.decode(packet);
                    if (segment != null) {
                        accept(segment);
                    }
                }
                for (Connection connection : connections.values()) {
                    connection.toServer.finish();
                    connection.toClient.finish();
                    connection.conversation.flush(true);
                    summary.gaps += connection.toServer.gaps() + connection.toClient.gaps();
                    summary.gapBytes += connection.toServer.gapBytes() + connection.toClient.gapBytes();
                    summary.resyncs += connection.toServerFramer.resyncs() + connection.toClientFramer.resyncs();
                }
                if (window != null) {
                    window.finish();
                }
            }
            assemble(capture, temporary, workload);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return summary;
    }

    /**
     * The next packet; null at the end, including a file that ends inside a record after at least one
     * complete packet (its writer was stopped): the complete prefix compiles and the summary says
     * where the file was cut. Corruption, and a cut before any complete packet, still throw.
     */
    private CapturedPacket next(CaptureReader reader) throws IOException {
        try {
            return reader.next();
        } catch (CaptureFormatException e) {
            if (!e.truncated() || reader.packetsRead() == 0) {
                throw e;
            }
            summary.truncation = e;
            return null;
        }
    }

    private void accept(TcpSegment segment) {
        boolean toServer = options.ports().contains(segment.destinationPort());
        boolean fromServer = options.ports().contains(segment.sourcePort());
        if (!toServer && !fromServer) {
            return;
        }
        summary.tcpSegments++;
        String client = toServer ? segment.source() : segment.destination();
        String server = toServer ? segment.destination() : segment.source();
        String key = client + ">" + server;
        Connection connection = connections.get(key);
        if (connection == null) {
            connection = new Connection(String.format("conn%03d", connections.size() + 1), client);
            connections.put(key, connection);
            summary.connections++;
        }
        (toServer ? connection.toServer : connection.toClient).segment(segment);
    }

    /** An operation from a conversation, in its connection's request order. */
    private void emit(ObjectNode op, CapturedBytes writeData) {
        if (!options.keepClients().isEmpty() && !options.keepClients().contains(op.get("client_id").asText())) {
            summary.otherClients++;
            return;
        }
        if (window == null) {
            write(op, writeData);
        } else {
            window.accept(op, writeData);
        }
    }

    private void write(ObjectNode op, CapturedBytes writeData) {
        keepClientOrder(op);
        if (writeData != null && blobs != null) {
            op.put("blob_path", blobs.save(op.get("client_id").asText(), op.get("op_id").asText(), writeData));
            summary.blobs++;
            summary.blobBytes += writeData.length();
        }
        for (String field : new String[] {"path", "new_path"}) {
            if (op.hasNonNull(field)) {
                String path = op.get(field).asText();
                for (Map.Entry<String, String> rewrite : options.pathMap().entrySet()) {
                    if (path.startsWith(rewrite.getKey())) {
                        path = rewrite.getValue() + path.substring(rewrite.getKey().length());
                        break;
                    }
                }
                op.put(field, path);
            }
        }
        opsPerClient.merge(op.get("client_id").asText(), 1L, Long::sum);
        summary.operations++;
        try {
            operations.write(JSON.writeValueAsString(op));
            operations.newLine();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A client's timestamps must not decrease (docs/workload-ir.md). Each connection's operations come
     * in request order, but a client made of several connections (by session or user, or joined by a
     * durable reconnect) gets them merged as their responses complete: an operation whose request
     * predates one already written for its client is moved to that one's time, and counted.
     */
    private void keepClientOrder(ObjectNode op) {
        String client = op.get("client_id").asText();
        long timestamp = op.get("timestamp_us").asLong();
        Long last = lastTimestamp.get(client);
        if (last != null && timestamp < last) {
            op.put("timestamp_us", last);
            summary.timestampsRaised++;
            summary.largestRaiseMicros = Math.max(summary.largestRaiseMicros, last - timestamp);
        } else {
            lastTimestamp.put(client, timestamp);
        }
    }

    private void assemble(Path capture, Path operationsFile, Path workload) throws IOException {
        try (JsonGenerator out = new JsonFactory().createGenerator(workload.toFile(), JsonEncoding.UTF8);
                BufferedReader ops = Files.newBufferedReader(operationsFile, StandardCharsets.UTF_8)) {
            out.writeStartObject();
            out.writeNumberField("version", 1);
            out.writeObjectFieldStart("metadata");
            out.writeStringField("source", "capture");
            out.writeStringField("capture", capture.getFileName().toString());
            out.writeNumberField("client_count", opsPerClient.size());
            out.writeNumberField("operation_count", summary.operations);
            out.writeStringField("clients_by", options.clientsBy().toString());
            out.writeObjectFieldStart("connections");
            for (Map.Entry<String, Connection> entry : connections.entrySet()) {
                out.writeStringField(entry.getValue().conversation.connectionId(), entry.getKey());
            }
            out.writeEndObject();
            out.writeEndObject();
            out.writeArrayFieldStart("clients");
            for (Map.Entry<String, Long> client : opsPerClient.entrySet()) {
                out.writeStartObject();
                out.writeStringField("client_id", client.getKey());
                out.writeNumberField("operation_count", client.getValue());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeArrayFieldStart("operations");
            out.writeRaw('\n');
            String line;
            boolean first = true;
            while ((line = ops.readLine()) != null) {
                if (!first) {
                    out.writeRaw(",\n");
                }
                out.writeRaw(line);
                first = false;
            }
            out.writeRaw('\n');
            out.writeEndArray();
            out.writeEndObject();
        }
    }
}
