package io.smbench.fuzz.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.smbench.fuzz.live.TemplateChains.Chain;
import io.smbench.smb.mssmb2.Smb2Header;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The mutator is deterministic per seed and changes exactly the field it says it changes. */
class FieldMutatorTest {
    private static final int SEEDS = 400;

    @Test
    void shouldChooseTheSameMutationsAndBytesForTheSameSeed() {
        for (Chain chain : TemplateChains.all()) {
            for (long seed = 0; seed < SEEDS; seed++) {
                byte[] first = mutate(chain, seed);
                byte[] second = mutate(chain, seed);
                assertThat(second).as("seed %d", seed).isEqualTo(first);
            }
        }
    }

    @Test
    void shouldMakeDifferentMutationsForDifferentSeeds() {
        Set<String> distinct = new HashSet<>();
        Chain chain = TemplateChains.all().get(0);
        for (long seed = 0; seed < 100; seed++) {
            distinct.add(ByteBufUtil.hexDump(mutate(chain, seed)));
        }
        assertThat(distinct).hasSizeGreaterThan(90);
    }

    @Test
    void shouldChangeTheIntendedFieldAndNothingElse() {
        int checked = 0;
        for (Chain chain : TemplateChains.all()) {
            List<Field> fields = RequestFields.of(chain.bytes(), chain.starts());
            for (long seed = 0; seed < SEEDS; seed++) {
                ByteBuf work = chain.bytes().copy();
                for (Mutation mutation : FieldMutator.choose(chain.bytes(), chain.starts(), fields, new SplitMix64(seed))) {
                    byte[] before = ByteBufUtil.getBytes(work);
                    long original = Mutation.read(work, mutation.offset(), mutation.width());
                    mutation.apply(work);
                    byte[] after = ByteBufUtil.getBytes(work);
                    for (int i = 0; i < before.length; i++) {
                        boolean inField = i >= mutation.offset() && i < mutation.offset() + mutation.width();
                        if (!inField) {
                            assertThat(after[i]).as("byte %d outside %s", i, mutation).isEqualTo(before[i]);
                        }
                    }
                    long written = Mutation.read(work, mutation.offset(), mutation.width());
                    assertThat(written).as("%s changes its field", mutation).isNotEqualTo(original);
                    if (mutation.op() == Mutation.Op.SET) {
                        assertThat(written).as(mutation.toString()).isEqualTo(mutation.value());
                        assertThat(fields).as("%s targets a known field", mutation).anyMatch(f ->
                                f.name().equals(mutation.target()) && f.offset() == mutation.offset()
                                        && f.width() == mutation.width());
                    } else {
                        assertThat(written ^ original).isEqualTo(1L << mutation.value());
                    }
                    checked++;
                }
                work.release();
            }
        }
        assertThat(checked).isGreaterThan(SEEDS * TemplateChains.all().size());
    }

    @Test
    void shouldNeverTurnARequestIntoCancelWhichIsNeverAnswered() {
        for (Chain chain : TemplateChains.all()) {
            for (long seed = 0; seed < 5_000; seed++) {
                byte[] mutated = mutate(chain, seed);
                for (int start : chain.starts()) {
                    int command = (mutated[start + Smb2Header.COMMAND] & 0xFF) | (mutated[start + Smb2Header.COMMAND + 1] & 0xFF) << 8;
                    assertThat(command).as("seed %d", seed).isNotEqualTo(Smb2Header.COMMAND_CANCEL);
                }
            }
        }
    }

    @Test
    void shouldNeverTouchProtocolIdMessageIdOrSignature() {
        for (Chain chain : TemplateChains.all()) {
            List<Field> fields = RequestFields.of(chain.bytes(), chain.starts());
            for (long seed = 0; seed < SEEDS; seed++) {
                for (Mutation m : FieldMutator.choose(chain.bytes(), chain.starts(), fields, new SplitMix64(seed))) {
                    for (int start : chain.starts()) {
                        assertThat(overlaps(m, start, 4)).as("%s hits ProtocolId", m).isFalse();
                        assertThat(overlaps(m, start + Smb2Header.MESSAGE_ID, 8)).as("%s hits MessageId", m).isFalse();
                        assertThat(overlaps(m, start + Smb2Header.SIGNATURE, 16)).as("%s hits Signature", m).isFalse();
                    }
                }
            }
        }
    }

    @Test
    void shouldEventuallyMutateEveryMutableFieldOfACompound() {
        Chain compound = TemplateChains.all().get(TemplateChains.all().size() - 1);
        List<Field> fields = RequestFields.of(compound.bytes(), compound.starts());
        Set<String> hit = new HashSet<>();
        for (long seed = 0; seed < 20_000; seed++) {
            FieldMutator.choose(compound.bytes(), compound.starts(), fields, new SplitMix64(seed))
                    .forEach(m -> hit.add(m.target()));
        }
        assertThat(hit).contains("0.CREATE.Header.NextCommand", "1.READ.Header.NextCommand", "0.CREATE.CreateContext[2].DataOffset",
                "2.CLOSE.FileId.Volatile", "1.READ.Header.CreditCharge");
        fields.stream().filter(f -> f.kind() != Field.Kind.FRAMING)
                .forEach(f -> assertThat(hit).as("field %s mutated at least once", f.name()).contains(f.name()));
    }

    private static boolean overlaps(Mutation m, int start, int length) {
        return m.offset() < start + length && start < m.offset() + m.width();
    }

    private static byte[] mutate(Chain chain, long seed) {
        ByteBuf copy = chain.bytes().copy();
        FieldMutator mutator = new FieldMutator(new SplitMix64(seed));
        mutator.mutate(copy, chain.starts().clone());
        assertThat(mutator.mutations()).isNotEmpty().hasSizeLessThanOrEqualTo(3);
        return ByteBufUtil.getBytes(copy);
    }
}
