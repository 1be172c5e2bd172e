package io.smbench.benchmarks.crypto;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.smbench.smb.crypto.MessageSigner;
import io.smbench.smb.crypto.SigningAlgorithm;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Signs one SMB2 message of {@code size} bytes (a 64-byte header and a body) per operation with the
 * signer smbench uses for each algorithm: HMAC-SHA256 (JDK), AES-CMAC (Bouncy Castle; the JDK has
 * none), AES-GMAC (JDK AES-GCM). MB/s = size × ops/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class SigningBenchmark {
    @Param({"HMAC_SHA256", "AES_CMAC", "AES_GMAC"})
    public String algorithm;

    @Param({"1024", "65536"})
    public int size;

    private MessageSigner signer;
    private ByteBuf message;
    private long messageId;

    @Setup
    public void setUp() {
        byte[] key = new byte[16];
        ThreadLocalRandom.current().nextBytes(key);
        signer = SigningAlgorithm.valueOf(algorithm).newSigner(key);
        byte[] bytes = new byte[size];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] = (byte) 0xFE;
        message = Unpooled.wrappedBuffer(bytes);
    }

    @Benchmark
    public ByteBuf sign() {
        // A new MessageId per message, as on the wire: GMAC's nonce must change.
        message.setLongLE(24, ++messageId);
        signer.sign(message);
        return message;
    }
}
