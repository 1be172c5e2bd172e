package io.smbench.benchmarks.harness;

import java.util.zip.CRC32;

/**
 * An in-process SMB client library driven by the harness: one {@link Session} is one TCP connection, one
 * authenticated session and one tree connect, used by one harness thread at a time.
 */
interface ClientLibrary extends AutoCloseable {
    /** @return name in the tables */
    String name();

    /**
     * Connects, negotiates SMB 3.1.1, logs on and connects to the share of {@code security}.
     *
     * @param target server and credentials
     * @param security share and signing/encryption
     * @return the session
     * @throws Exception on any failure
     */
    Session open(Target target, Security security) throws Exception;

    @Override
    default void close() throws Exception {}

    /** One connection + session + tree of a library. Paths use '/' and are relative to the share. */
    interface Session extends AutoCloseable {
        /** CREATE (open if exists, else create) and CLOSE of {@code path}. */
        void createClose(String path) throws Exception;

        /**
         * Opens {@code path}, queries FileAllInformation, closes.
         *
         * @return the file size the server reported
         */
        long stat(String path) throws Exception;

        /** @return the number of entries in {@code dir}, "." and ".." not counted */
        int list(String dir) throws Exception;

        /**
         * Writes {@code size} bytes from offset 0, {@code block} repeated, in requests of {@code block.length}.
         *
         * @return the bytes the server acknowledged
         */
        long write(String path, long size, byte[] block) throws Exception;

        /**
         * Reads the whole file from offset 0 in requests of {@code ioSize} bytes.
         *
         * @param crc when not null, updated with every byte read
         * @return the bytes read
         */
        long read(String path, int ioSize, CRC32 crc) throws Exception;

        /** Deletes {@code path}. */
        void delete(String path) throws Exception;

        @Override
        void close() throws Exception;
    }
}
