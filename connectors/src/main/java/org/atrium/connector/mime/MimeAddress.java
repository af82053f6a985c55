package org.atrium.connector.mime;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;

/**
 * One element of an RFC 5322 address list, flattened so that group syntax keeps its order (as RFC 3501 §7.4.2 and
 * RFC 9051 §7.5.2 ENVELOPE need it): a group is {@link Kind#GROUP_START} (name = group display name), its members,
 * then {@link Kind#GROUP_END}.
 *
 * <p>{@code name} is the display name as written in the header (RFC 2047 encoded-words kept, quotes removed), so a
 * protocol encoder can reproduce it; {@link #decodedName()} gives the human form. A {@link Kind#MAILBOX} may lack a
 * domain ({@code domain == null}, e.g. {@code undisclosed-recipients}). {@link Kind#INVALID} keeps text that could not
 * be parsed in {@code name}.
 */
public record MimeAddress(Kind kind, String name, String localPart, String domain) {

    public enum Kind {
        MAILBOX, GROUP_START, GROUP_END, INVALID
    }

    public static MimeAddress mailbox(String name, String localPart, String domain) {
        return new MimeAddress(Kind.MAILBOX, name, localPart, domain);
    }

    public static MimeAddress groupStart(String name) {
        return new MimeAddress(Kind.GROUP_START, name, null, null);
    }

    public static MimeAddress groupEnd() {
        return new MimeAddress(Kind.GROUP_END, null, null, null);
    }

    public static MimeAddress invalid(String text) {
        return new MimeAddress(Kind.INVALID, text, null, null);
    }

    /** The display name with RFC 2047 encoded-words decoded, or null. */
    public String decodedName() {
        return name == null ? null : DecoderUtil.decodeEncodedWords(name, DecodeMonitor.SILENT);
    }

    /** {@code local@domain}, {@code local} without a domain, or null for group markers and invalid text. */
    public String address() {
        if (kind != Kind.MAILBOX) {
            return null;
        }
        return domain == null ? localPart : localPart + "@" + domain;
    }
}
