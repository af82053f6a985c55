package org.atrium.store.application.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** xtext (RFC 3461 §4): "+" and two upper-case hex digits stand for one octet. */
final class Xtext {

    private Xtext() {
    }

    /** Decodes xtext; a malformed escape is kept as it stands. */
    static String decode(String xtext) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(xtext.length());
        for (int i = 0; i < xtext.length(); i++) {
            char c = xtext.charAt(i);
            if (c == '+' && i + 2 < xtext.length() && hex(xtext.charAt(i + 1)) >= 0
                    && hex(xtext.charAt(i + 2)) >= 0) {
                out.write(hex(xtext.charAt(i + 1)) * 16 + hex(xtext.charAt(i + 2)));
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    /** Encodes as xtext: "+", "=", controls, space and non-ASCII octets as "+XX". */
    static String encode(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (byte x : text.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c < 33 || c > 126 || c == '+' || c == '=') {
                b.append('+').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            } else {
                b.append((char) c);
            }
        }
        return b.toString();
    }
}
