package io.smbench.fuzz.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The generator is the published SplitMix64, so seeds mean the same thing everywhere. */
class SplitMix64Test {
    @Test
    void shouldMatchTheReferenceSequenceForSeedZero() {
        // First outputs of the reference splitmix64.c (Vigna) seeded with 0.
        SplitMix64 random = new SplitMix64(0);
        assertThat(random.nextLong()).isEqualTo(0xE220A8397B1DCDAFL);
        assertThat(random.nextLong()).isEqualTo(0x6E789E6AA1B965F4L);
        assertThat(random.nextLong()).isEqualTo(0x06C45D188009454FL);
    }

    @Test
    void shouldStayInBoundAndReachEveryValue() {
        SplitMix64 random = new SplitMix64(42);
        boolean[] seen = new boolean[7];
        for (int i = 0; i < 1000; i++) {
            int value = random.nextInt(7);
            assertThat(value).isBetween(0, 6);
            seen[value] = true;
        }
        assertThat(seen).containsOnly(true);
    }

    @Test
    void shouldGiveDistinctCaseSeedsPerIndexAndRun() {
        assertThat(SplitMix64.caseSeed(1, 0)).isNotEqualTo(SplitMix64.caseSeed(1, 1))
                .isNotEqualTo(SplitMix64.caseSeed(2, 0));
        assertThat(SplitMix64.caseSeed(7, 3)).isEqualTo(SplitMix64.caseSeed(7, 3));
    }
}
