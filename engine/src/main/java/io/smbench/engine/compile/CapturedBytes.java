package io.smbench.engine.compile;

/** A range of a captured message: the data of a WRITE request, without copying it. */
record CapturedBytes(byte[] array, int offset, int length) {
    CapturedBytes {
        if (offset < 0 || length < 0 || offset + length > array.length) {
            throw new IndexOutOfBoundsException("bytes " + offset + ".." + (offset + length) + " of a "
                    + array.length + "-byte message");
        }
    }
}
