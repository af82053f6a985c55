package org.atrium.store.domain;

import java.util.EnumSet;
import java.util.Set;

/** The system flags of RFC 3501 §2.3.2 that persist (\Recent is per session and not stored). */
public enum Flag {
    SEEN(1),
    ANSWERED(2),
    FLAGGED(4),
    DELETED(8),
    DRAFT(16);

    private final int bit;

    Flag(int bit) {
        this.bit = bit;
    }

    public static int toBits(Set<Flag> flags) {
        int bits = 0;
        for (Flag f : flags) {
            bits |= f.bit;
        }
        return bits;
    }

    public static Set<Flag> fromBits(int bits) {
        EnumSet<Flag> set = EnumSet.noneOf(Flag.class);
        for (Flag f : values()) {
            if ((bits & f.bit) != 0) {
                set.add(f);
            }
        }
        return set;
    }
}
