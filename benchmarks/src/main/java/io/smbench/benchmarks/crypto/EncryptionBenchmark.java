package io.smbench.benchmarks.crypto;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.smbench.smb.crypto.CipherSuite;
import io.smbench.smb.crypto.TransformCipher;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
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
 * Encrypts one SMB2 message of {@code size} bytes per operation into a transform header with each
 * cipher as smbench does it by default (the faster provider per algorithm, see
 * {@link ProviderBenchmark}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class EncryptionBenchmark {
    @Param({"AES_128_CCM", "AES_128_GCM", "AES_256_CCM", "AES_256_GCM"})
    public String cipher;

    @Param({"65536"})
    public int size;

    private final ByteBufAllocator allocator = PooledByteBufAllocator.DEFAULT;
    private TransformCipher transform;
    private ByteBuf plaintext;
    private byte[] key;
    private byte[] clear;
    private byte[] aad;
    private Cipher jdkGcm;
    private GCMModeCipher bcGcm;
    private long counter;

    @Setup
    public void setUp() throws Exception {
        CipherSuite suite = CipherSuite.valueOf(cipher);
        key = new byte[suite.keyBits() / 8];
        ThreadLocalRandom.current().nextBytes(key);
        transform = new TransformCipher(suite, key, key);
        clear = new byte[size];
        ThreadLocalRandom.current().nextBytes(clear);
        plaintext = Unpooled.wrappedBuffer(clear);
        aad = new byte[32];
        jdkGcm = Cipher.getInstance("AES/GCM/NoPadding");
        bcGcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
    }

    @Benchmark
    public int smbenchTransform() {
        ByteBuf out = transform.encrypt(allocator, plaintext, 1L);
        int length = out.readableBytes();
        out.release();
        return length;
    }

    private byte[] nonce() {
        byte[] nonce = new byte[12];
        long value = ++counter;
        for (int i = 0; i < 8; i++) {
            nonce[i] = (byte) (value >>> (8 * i));
        }
        return nonce;
    }
}
