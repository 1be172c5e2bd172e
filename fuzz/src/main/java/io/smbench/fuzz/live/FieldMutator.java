package io.smbench.fuzz.live;

import io.netty.buffer.ByteBuf;
import io.smbench.fuzz.live.Field.Kind;
import io.smbench.smb.client.ChainMutator;
import io.smbench.smb.mssmb2.Smb2Header;
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

    /**
     * Chooses mutations of {@code chain} without changing it. Each is chosen against the chain as the
     * ones before it left it, and each changes the bytes it targets, so applying them in order
     * changes every targeted field.
     */
    public static List<Mutation> choose(ByteBuf chain, int[] messageStarts, List<Field> fields, SplitMix64 random) {
        List<Field> mutable = fields.stream().filter(f -> f.kind() != Kind.FRAMING).toList();
        ByteBuf work = chain.copy();
        try {
            int count = 1 + random.nextInt(MAX_MUTATIONS);
            List<Mutation> mutations = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                Mutation mutation;
                if (random.nextInt(4) == 0) {
                    mutation = bitFlip(work, messageStarts, fields, random);
                } else {
                    mutation = setField(work, messageStarts, mutable.get(random.nextInt(mutable.size())), random);
                }
                mutation.apply(work);
                if (makesCancel(work, messageStarts)) {
                    mutation = undoCancel(work, messageStarts, mutation);
                }
                mutations.add(mutation);
            }
            return mutations;
        } finally {
            work.release();
        }
    }

    /**
     * Whether a message's Command became CANCEL: CANCEL is never answered (MS-SMB2 3.3.5.16), so
     * its silence would look like a hang of the server.
     */
    private static boolean makesCancel(ByteBuf work, int[] starts) {
        for (int start : starts) {
            if (work.getUnsignedShortLE(work.readerIndex() + start + Smb2Header.COMMAND) == Smb2Header.COMMAND_CANCEL) {
                return true;
            }
        }
        return false;
    }

    /**
     * Replaces a mutation that produced CANCEL (already applied to {@code work}): a flip by a flip
     * of the next bit of the same byte, a set by the value one higher (CANCEL + 1 is ECHO).
     */
    private static Mutation undoCancel(ByteBuf work, int[] starts, Mutation mutation) {
        mutation.apply(work); // a flip undoes itself
        if (mutation.op() == Mutation.Op.SET) {
            Mutation.write(work, work.readerIndex() + mutation.offset(), mutation.width(), mutation.before());
            long replacement = mutation.value() + 1 == mutation.before() ? mutation.value() + 2 : mutation.value() + 1;
            Mutation echo = new Mutation(mutation.target(), mutation.offset(), mutation.width(), Mutation.Op.SET,
                    replacement, mutation.before());
            echo.apply(work);
            return echo;
        }
        Mutation other = new Mutation(mutation.target(), mutation.offset(), 1, Mutation.Op.FLIP_BIT,
                (mutation.value() + 1) % 8, mutation.before());
        other.apply(work);
        return makesCancel(work, starts) ? undoCancel(work, starts, other) : other;
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
