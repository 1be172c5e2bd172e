package io.smbench.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.smbench.smb.client.ProbeResult;
import java.util.List;
import java.util.Locale;

/** Renders a {@link ProbeResult} as an aligned table for people or as JSON for scripts. */
final class ProbeFormatter {
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ProbeFormatter() {}

    static String json(ProbeResult result) {
        try {
            return JSON.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the probe result as JSON", e);
        }
    }

    static String table(ProbeResult result) {
        StringBuilder out = new StringBuilder();
        row(out, "server", result.server() + ":" + result.port() + " (" + result.transport().toLowerCase(Locale.ROOT) + ")");
        row(out, "dialect", result.dialect());
        row(out, "server guid", result.serverGuid());
        row(out, "security mode", names(result.serverSecurityMode()));
        row(out, "capabilities", names(result.serverCapabilities()));
        row(out, "max transact", bytes(result.maxTransactSize()));
        row(out, "max read", bytes(result.maxReadSize()));
        row(out, "max write", bytes(result.maxWriteSize()));
        row(out, "preauth integrity", orNone(result.preauthIntegrity()));
        row(out, "signing", result.signing() ? orNone(result.signingAlgorithm()) : "off");
        row(out, "encryption", result.encryption() ? orNone(result.cipher()) : "off"
                + (result.cipher() == null ? "" : " (negotiated " + result.cipher() + ")"));
        row(out, "session flags", names(result.sessionFlags()));
        if (result.share() != null) {
            row(out, "share", result.share() + " (" + result.shareType() + ")");
            row(out, "share flags", names(result.shareFlags()));
            row(out, "share capabilities", names(result.shareCapabilities()));
        }
        out.append("timing:\n");
        long total = 0;
        for (ProbeResult.Step step : result.steps()) {
            total += step.micros();
            row(out, "  " + step.name(), millis(step.micros()));
        }
        row(out, "  total", millis(total));
        return out.toString();
    }

    private static void row(StringBuilder out, String label, String value) {
        out.append(String.format(Locale.ROOT, "%-20s %s%n", label, value));
    }

    private static String names(List<String> names) {
        return names.isEmpty() ? "-" : String.join(", ", names);
    }

    private static String orNone(String value) {
        return value == null ? "none" : value;
    }

    private static String millis(long micros) {
        return String.format(Locale.ROOT, "%.3f ms", micros / 1000.0);
    }

    static String bytes(long value) {
        if (value >= 1 << 20 && value % (1 << 20) == 0) {
            return value + " (" + (value >> 20) + " MiB)";
        }
        if (value >= 1 << 10 && value % (1 << 10) == 0) {
            return value + " (" + (value >> 10) + " KiB)";
        }
        return Long.toString(value);
    }
}
