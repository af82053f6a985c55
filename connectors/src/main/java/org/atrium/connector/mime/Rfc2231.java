package org.atrium.connector.mime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeMap;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;

/**
 * Reads one parameter out of a list kept as written: RFC 2231 continuations ({@code name*0*=}, {@code name*1=}) and
 * charset/language ({@code name*=utf-8'en'%E2%82%AC}) first, then the plain {@code name=} form, where RFC 2047
 * encoded-words (not allowed there, but common in filenames) are decoded. Undecodable input degrades to the text as
 * written; this class never throws on message content.
 */
final class Rfc2231 {
    private static final int MAX_SECTIONS = 100;

    private Rfc2231() {
    }

    static String find(List<MimeParam> params, String name) {
        String extended = null;
        TreeMap<Integer, MimeParam> sections = null;
        String plain = null;
        String prefix = name + "*";
        for (MimeParam p : params) {
            String n = p.name();
            if (n.equals(name)) {
                if (plain == null) {
                    plain = p.value();
                }
            } else if (n.equals(prefix)) {
                if (extended == null) {
                    extended = p.value();
                }
            } else if (n.startsWith(prefix)) {
                String rest = n.substring(prefix.length());
                boolean star = rest.endsWith("*");
                String num = star ? rest.substring(0, rest.length() - 1) : rest;
                if (!num.isEmpty() && num.length() <= 3 && num.chars().allMatch(Character::isDigit)) {
                    int idx = Integer.parseInt(num);
                    if (idx < MAX_SECTIONS) {
                        if (sections == null) {
                            sections = new TreeMap<>();
                        }
                        sections.putIfAbsent(idx, p);
                    }
                }
            }
        }
        if (extended != null) {
            return decodeExtended(extended);
        }
        if (sections != null) {
            return joinSections(sections, prefix);
        }
        return plain == null ? null : DecoderUtil.decodeEncodedWords(plain, DecodeMonitor.SILENT);
    }

    private static String decodeExtended(String value) {
        int q1 = value.indexOf('\'');
        int q2 = q1 < 0 ? -1 : value.indexOf('\'', q1 + 1);
        if (q2 < 0) {
            return value;
        }
        Charset cs = charset(value.substring(0, q1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        percentDecode(value.substring(q2 + 1), out);
        return new String(out.toByteArray(), cs);
    }

    private static String joinSections(TreeMap<Integer, MimeParam> sections, String prefix) {
        Charset cs = StandardCharsets.UTF_8;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean first = true;
        for (MimeParam p : sections.values()) {
            String v = p.value();
            if (p.name().endsWith("*")) {
                if (first) {
                    int q1 = v.indexOf('\'');
                    int q2 = q1 < 0 ? -1 : v.indexOf('\'', q1 + 1);
                    if (q2 >= 0) {
                        cs = charset(v.substring(0, q1));
                        v = v.substring(q2 + 1);
                    }
                }
                percentDecode(v, out);
            } else {
                // unencoded sections are taken as written; header text was already decoded UTF-8/Latin-1
                byte[] b = v.getBytes(cs);
                out.write(b, 0, b.length);
            }
            first = false;
        }
        return new String(out.toByteArray(), cs);
    }

    private static void percentDecode(String s, ByteArrayOutputStream out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                out.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 2;
            } else if (c < 0x80) {
                out.write(c);
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    private static Charset charset(String name) {
        try {
            // no charset, or us-ascii with stray 8-bit octets: UTF-8 is the likely intent
            String n = name.trim();
            return n.isEmpty() || n.equalsIgnoreCase("us-ascii") ? StandardCharsets.UTF_8 : Charset.forName(n);
        } catch (RuntimeException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }
}
