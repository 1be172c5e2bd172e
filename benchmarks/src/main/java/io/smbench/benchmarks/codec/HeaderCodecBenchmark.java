package io.smbench.benchmarks.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.smbench.smb.mssmb2.Smb2Header;
import io.smbench.smb.mssmb2.msg.SessionSetupResponse;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Writing a request header, reading the header fields the receive path needs, and decoding a
 * small response body (the final SESSION_SETUP response of a published Windows 3.1.1 session).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class HeaderCodecBenchmark {
    private static final byte[] RESPONSE = HexFormat.of().parseHex(
            "FE534D4240000100000000000100800009000000000000000200000000000000"
            + "FFFE00000000000025000000001000006B85A4519A0F3EEA35BA946DD3AFE6B8"
            + "0900000048001D00A11B3019A0030A0100A3120410010000003932A87523AB66"
            + "0100000000");

    private ByteBuf out;
    private ByteBuf response;
    private long messageId;

    @Setup
    public void setUp() {
        out = Unpooled.directBuffer(128);
        response = Unpooled.wrappedBuffer(RESPONSE);
    }

    @Benchmark
    public ByteBuf writeRequestHeader() {
        out.clear();
        Smb2Header.writeRequest(out, 0x0008, 1, 64, 0, ++messageId, 5, 0x0000100000000025L);
        return out;
    }

    @Benchmark
    public void readResponseHeader(Blackhole blackhole) {
        int start = response.readerIndex();
        blackhole.consume(response.getLongLE(start + Smb2Header.MESSAGE_ID));
        blackhole.consume(response.getIntLE(start + Smb2Header.STATUS));
        blackhole.consume(response.getUnsignedShortLE(start + Smb2Header.CREDITS));
        blackhole.consume(response.getIntLE(start + Smb2Header.FLAGS));
        blackhole.consume(response.getUnsignedIntLE(start + Smb2Header.NEXT_COMMAND));
        blackhole.consume(response.getLongLE(start + Smb2Header.SESSION_ID));
    }

    @Benchmark
    public SessionSetupResponse decodeSessionSetupResponse() {
        return SessionSetupResponse.decode(response);
    }
}
