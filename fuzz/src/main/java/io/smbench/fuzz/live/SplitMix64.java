package io.smbench.fuzz.live;

/**
 * The SplitMix64 generator (Steele, Lea and Flood, "Fast Splittable Pseudorandom Number
 * Generators", 2014): a fixed, documented algorithm, so a case seed picks the same sequence and
 * the same mutations on every JVM, today and after upgrades. Not thread-safe.
 */
public final class SplitMix64 {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    public SplitMix64(long seed) {
        this.state = seed;
    }

    /** The seed of case {@code index} of a run started with {@code runSeed}. */
    public static long caseSeed(long runSeed, long index) {
        return mix(runSeed + (index + 1) * GOLDEN_GAMMA);
    }

    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in [0, bound), without modulo bias. */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        while (true) {
            long value = nextLong() >>> 1;
            long result = value % bound;
            if (value - result + (bound - 1) >= 0) { // reject the top partial range (as java.util.Random does)
                return (int) result;
            }
        }
    }

    public boolean nextBoolean() {
        return nextLong() < 0;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
