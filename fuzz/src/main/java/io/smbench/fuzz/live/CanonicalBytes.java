package io.smbench.fuzz.live;

import io.smbench.fuzz.live.Field.Kind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A sent chain with the values that differ from run to run zeroed: MessageId and Signature, and
 * the SessionId, TreeId and FileIds the server assigned, unless a mutation set them (then they
 * hold the mutation's fixed value). Two runs of one seed give equal canonical bytes.
 */
public final class CanonicalBytes {
    private CanonicalBytes() {}

    public static byte[] of(byte[] sent, List<Field> fields, List<Mutation> mutations) {
        byte[] out = sent.clone();
        Set<String> setByMutation = new HashSet<>();
        for (Mutation mutation : mutations) {
            if (mutation.op() == Mutation.Op.SET) {
                setByMutation.add(mutation.target());
            }
        }
        for (Field field : fields) {
            boolean assigned = field.kind() == Kind.FRAMING || field.kind() == Kind.IDENTITY;
            if (assigned && !setByMutation.contains(field.name()) && field.end() <= out.length) {
                java.util.Arrays.fill(out, field.offset(), field.end(), (byte) 0);
            }
        }
        return out;
    }
}
