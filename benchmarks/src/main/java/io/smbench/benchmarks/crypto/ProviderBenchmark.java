package io.smbench.benchmarks.crypto;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.smbench.smb.crypto.AesCmacSigner;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JDK against Bouncy Castle for each primitive SMB needs, on one 64 KiB message per operation:
 * AES-CMAC signing, AES-128-CCM and AES-128-GCM encryption. The faster one is smbench's default.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class ProviderBenchmark {
    private static final int SIZE = 65_536;

    private final PooledByteBufAllocator allocator = PooledByteBufAllocator.DEFAULT;
    private ByteBuf message;
    private AesCmacSigner cmacJdk;
    private AesCmacSigner cmacBouncyCastle;
    private TransformCipher ccmJdk;
    private TransformCipher ccmBouncyCastle;
    private byte[] key;
    private byte[] clear;
    private final byte[] aad = new byte[32];
    private Cipher gcmJdk;
    private GCMModeCipher gcmBouncyCastle;
    private long counter;

    @Setup
    public void setUp() throws Exception {
        key = new byte[16];
        ThreadLocalRandom.current().nextBytes(key);
        clear = new byte[SIZE];
        ThreadLocalRandom.current().nextBytes(clear);
        message = Unpooled.wrappedBuffer(clear.clone());
        cmacJdk = new AesCmacSigner(key, AesCmacSigner.Provider.JDK);
        cmacBouncyCastle = new AesCmacSigner(key, AesCmacSigner.Provider.BOUNCY_CASTLE);
        ccmJdk = new TransformCipher(CipherSuite.AES_128_CCM, key, key, TransformCipher.Provider.JDK);
        ccmBouncyCastle = new TransformCipher(CipherSuite.AES_128_CCM, key, key, TransformCipher.Provider.BOUNCY_CASTLE);
        gcmJdk = Cipher.getInstance("AES/GCM/NoPadding");
        gcmBouncyCastle = GCMBlockCipher.newInstance(AESEngine.newInstance());
    }

    @Benchmark
    public ByteBuf cmacJdk() {
        cmacJdk.sign(message);
        return message;
    }

    @Benchmark
    public ByteBuf cmacBouncyCastle() {
        cmacBouncyCastle.sign(message);
        return message;
    }

    @Benchmark
    public int ccmJdk() {
        ByteBuf out = ccmJdk.encrypt(allocator, message, 1L);
        int length = out.readableBytes();
        out.release();
        return length;
    }

    @Benchmark
    public int ccmBouncyCastle() {
        ByteBuf out = ccmBouncyCastle.encrypt(allocator, message, 1L);
        int length = out.readableBytes();
        out.release();
        return length;
    }

    @Benchmark
    public int gcmJdk() throws Exception {
        gcmJdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce()));
        gcmJdk.updateAAD(aad);
        return gcmJdk.doFinal(clear).length;
    }

    @Benchmark
    public int gcmBouncyCastle() throws Exception {
        gcmBouncyCastle.init(true, new AEADParameters(new KeyParameter(key), 128, nonce(), aad));
        byte[] out = new byte[gcmBouncyCastle.getOutputSize(clear.length)];
        int n = gcmBouncyCastle.processBytes(clear, 0, clear.length, out, 0);
        return n + gcmBouncyCastle.doFinal(out, n);
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
