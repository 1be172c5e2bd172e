package io.smbench.fuzz.live;

import io.netty.buffer.ByteBuf;
import io.smbench.fuzz.live.Field.Kind;
import io.smbench.smb.client.ChainMutator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Picks and applies one to three mutations of a valid request chain, driven by the case's
 * {@link SplitMix64}: most set a known field ({@link RequestFields}) to a boundary value (0, 1,
 * the field's maximum, its sign bit, one more or less than now, the message's length and one past
 * it, the chain's length, one flag bit toggled, or a random value); a quarter flip one bit of a
 * byte outside the fields the connection or server assigned.
 *
 * <p>The choice depends only on the generator and on the chain's layout and codec-written values,
 * so a seed always makes the same change. Used once per case, on the connection's event loop.
 */
public final class FieldMutator implements ChainMutator {
    private static final int MAX_MUTATIONS = 3;

    private final SplitMix64 random;
    private volatile List<Mutation> chosen = List.of();
    private volatile List<Field> fields = List.of();

    public FieldMutator(SplitMix64 random) {
        this.random = random;
    }

    @Override
    public void mutate(ByteBuf chain, int[] messageStarts) {
        List<Field> found = RequestFields.of(chain, messageStarts);
        List<Mutation> mutations = choose(chain, messageStarts, found, random);
        for (Mutation mutation : mutations) {
            mutation.apply(chain);
        }
        fields = List.copyOf(found);
        chosen = List.copyOf(mutations);
    }

    /** The mutations applied, once the chain was sent. */
    public List<Mutation> mutations() {
        return chosen;
    }

    /** The fields of the chain before mutation (for masking assigned values). */
    public List<Field> fields() {
        return fields;
    }

    /** Chooses mutations of {@code chain} without applying them. */
    public static List<Mutation> choose(ByteBuf chain, int[] messageStarts, List<Field> fields, SplitMix64 random) {
        List<Field> mutable = fields.stream().filter(f -> f.kind() != Kind.FRAMING).toList();
        int count = 1 + random.nextInt(MAX_MUTATIONS);
        List<Mutation> mutations = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (random.nextInt(4) == 0) {
                mutations.add(bitFlip(chain, messageStarts, fields, random));
            } else {
                Field field = mutable.get(random.nextInt(mutable.size()));
                mutations.add(setField(chain, messageStarts, field, random));
            }
        }
        return mutations;
    }

    private static Mutation setField(ByteBuf chain, int[] starts, Field field, SplitMix64 random) {
        long current = Mutation.read(chain, chain.readerIndex() + field.offset(), field.width());
        long mask = field.max();
        List<Long> candidates = new ArrayList<>();
        candidates.add(0L);
        candidates.add(1L);
        candidates.add(mask);
        if (field.kind() != Kind.IDENTITY) {
            int messageIndex = messageOf(starts, field.offset());
            int messageStart = starts[messageIndex];
            int messageEnd = messageIndex + 1 < starts.length ? starts[messageIndex + 1] : chain.readableBytes();
            candidates.add(1L << (8 * field.width() - 1));
            candidates.add(current + 1);
            candidates.add(current - 1);
            candidates.add((long) messageEnd - messageStart); // an offset at, or a length to, the message's end
            candidates.add((long) messageEnd - messageStart + 1); // one past the end
            candidates.add((long) chain.readableBytes());
            candidates.add(current ^ (1L << random.nextInt(8 * field.width())));
            candidates.add(random.nextLong());
        }
        long value = candidates.get(random.nextInt(candidates.size())) & mask;
        if (value == (current & mask)) {
            value = (current ^ 1) & mask; // a mutation always changes its field
        }
        long before = field.kind() == Kind.IDENTITY ? 0 : current;
        return new Mutation(field.name(), field.offset(), field.width(), Mutation.Op.SET, value, before);
    }

    /**
     * Flips one bit of a byte that no assigned field covers; ProtocolId is left alone too, since
     * a server drops a message without it before reading anything else.
     */
    private static Mutation bitFlip(ByteBuf chain, int[] starts, List<Field> fields, SplitMix64 random) {
        boolean[] excluded = new boolean[chain.readableBytes()];
        for (Field field : fields) {
            if (field.kind() == Kind.FRAMING || field.kind() == Kind.IDENTITY) {
                Arrays.fill(excluded, field.offset(), field.end(), true);
            }
        }
        for (int start : starts) {
            Arrays.fill(excluded, start, start + 4, true); // ProtocolId
        }
        int allowed = 0;
        for (boolean e : excluded) {
            allowed += e ? 0 : 1;
        }
        int pick = random.nextInt(allowed);
        int offset = 0;
        for (int i = 0; i < excluded.length; i++) {
            if (!excluded[i] && pick-- == 0) {
                offset = i;
                break;
            }
        }
        int bit = random.nextInt(8);
        long before = chain.getUnsignedByte(chain.readerIndex() + offset);
        return new Mutation("byte", offset, 1, Mutation.Op.FLIP_BIT, bit, before);
    }

    private static int messageOf(int[] starts, int offset) {
        int index = 0;
        while (index + 1 < starts.length && starts[index + 1] <= offset) {
            index++;
        }
        return index;
    }
}
