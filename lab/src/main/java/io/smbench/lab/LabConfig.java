package io.smbench.lab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link SambaLab} instance looks like: signing policy, extra {@code [global]} options, loopback
 * addresses to bind, port, base folder and whether {@code smbd} runs detached (outliving the JVM).
 *
 * <p>Immutable; build with {@link #builder()} or take {@link #defaults()}.
 */
public final class LabConfig {
    /** The loopback address every instance binds to unless told otherwise. */
    public static final String LOOPBACK = "127.0.0.1";

    private final boolean signingMandatory;
    private final List<String> extraGlobalOptions;
    private final List<String> bindAddresses;
    private final int port;
    private final Path baseDir;
    private final boolean detached;
    private final String name;

    private LabConfig(Builder b) {
        this.signingMandatory = b.signingMandatory;
        this.extraGlobalOptions = List.copyOf(b.extraGlobalOptions);
        this.bindAddresses = b.bindAddresses.isEmpty() ? List.of(LOOPBACK) : List.copyOf(b.bindAddresses);
        this.port = b.port;
        this.baseDir = b.baseDir;
        this.detached = b.detached;
        this.name = b.name;
    }

    /** @return a config with every default: free port on 127.0.0.1, signing not mandatory, temp folder */
    public static LabConfig defaults() {
        return builder().build();
    }

    /** @return a new builder holding the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return true when {@code server signing = mandatory} goes into {@code [global]} */
    public boolean signingMandatory() {
        return signingMandatory;
    }

    /** @return extra {@code [global]} lines, each {@code "key = value"} */
    public List<String> extraGlobalOptions() {
        return extraGlobalOptions;
    }

    /** @return loopback addresses to bind (first one is {@link SambaLab#host()}) */
    public List<String> bindAddresses() {
        return bindAddresses;
    }

    /** @return the fixed port, or 0 for a free port found at start */
    public int port() {
        return port;
    }

    /** @return the base folder, or empty for a fresh temporary folder deleted on close */
    public Optional<Path> baseDir() {
        return Optional.ofNullable(baseDir);
    }

    /** @return true when smbd daemonizes and outlives the JVM (for {@code smbench lab start}) */
    public boolean detached() {
        return detached;
    }

    /** @return a short name for logs and kept log folders ("default", "signing-mandatory"...) */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "LabConfig[name=" + name + ", signingMandatory=" + signingMandatory + ", bind=" + bindAddresses
                + ", port=" + (port == 0 ? "free" : port) + ", baseDir=" + baseDir + ", detached=" + detached
                + ", extraGlobalOptions=" + extraGlobalOptions + "]";
    }

    /** Mutable builder of {@link LabConfig}. */
    public static final class Builder {
        private boolean signingMandatory;
        private final List<String> extraGlobalOptions = new ArrayList<>();
        private final List<String> bindAddresses = new ArrayList<>();
        private int port;
        private Path baseDir;
        private boolean detached;
        private String name = "default";

        private Builder() {}

        /**
         * @param value true for {@code server signing = mandatory} in {@code [global]}
         * @return this
         */
        public Builder signingMandatory(boolean value) {
            this.signingMandatory = value;
            return this;
        }

        /**
         * Adds a {@code [global]} line, e.g. {@code "debug encryption = yes"}.
         *
         * @param line {@code "key = value"}, one line
         * @return this
         */
        public Builder globalOption(String line) {
            Objects.requireNonNull(line, "line");
            if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0 || line.indexOf('=') < 0) {
                throw new IllegalArgumentException("a global option is one 'key = value' line: " + line);
            }
            extraGlobalOptions.add(line.strip());
            return this;
        }

        /**
         * Adds a loopback address to bind (127.0.0.0/8); the first one added is the instance's host.
         *
         * @param address e.g. {@code "127.0.0.2"}
         * @return this
         */
        public Builder bindAddress(String address) {
            if (!address.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")) {
                throw new IllegalArgumentException("only IPv4 loopback addresses (127.x.y.z) are allowed: " + address);
            }
            if (!bindAddresses.contains(address)) {
                bindAddresses.add(address);
            }
            return this;
        }

        /**
         * @param value fixed TCP port (1..65535), or 0 for a free one
         * @return this
         */
        public Builder port(int value) {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException("port out of range: " + value);
            }
            this.port = value;
            return this;
        }

        /**
         * @param dir folder for config, state, shares and logs; created if missing; kept on close
         * @return this
         */
        public Builder baseDir(Path dir) {
            this.baseDir = dir;
            return this;
        }

        /**
         * @param value true to daemonize smbd so that it outlives the JVM
         * @return this
         */
        public Builder detached(boolean value) {
            this.detached = value;
            return this;
        }

        /**
         * @param value short name, letters, digits, '-' and '_' only
         * @return this
         */
        public Builder name(String value) {
            if (!value.matches("[A-Za-z0-9_-]{1,40}")) {
                throw new IllegalArgumentException("bad instance name: " + value);
            }
            this.name = value;
            return this;
        }

        /** @return the immutable config */
        public LabConfig build() {
            return new LabConfig(this);
        }
    }
}
