package org.atrium.store.application.internal;

import java.security.SecureRandom;

/** Queue ids, quoted in logs, tracking records, DSNs and the admin tools. */
final class QueueIds {

    private static final char[] ALPHABET = "0123456789BCDFGHJKLMNPQRSTVWXZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private QueueIds() {
    }

    /** 14 characters from a 30-letter alphabet without vowels: about 68 bits, unique in practice (and enforced). */
    static String next() {
        char[] c = new char[14];
        for (int i = 0; i < c.length; i++) {
            c[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(c);
    }
}
