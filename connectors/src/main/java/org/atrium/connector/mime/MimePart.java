package org.atrium.connector.mime;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One node of the body structure (RFC 2045/2046; everything RFC 3501 §7.4.2 BODYSTRUCTURE needs), plus the byte
 * ranges of the part in the raw message so BODY[section.HEADER/.MIME/TEXT] is served by reading only that range.
 *
 * <p>Invariants: {@code 0 <= headerStart <= bodyStart <= bodyEnd}; {@code [headerStart, bodyStart)} is the part's
 * header including the blank line that ends it; {@code [bodyStart, bodyEnd)} its body, without the CRLF that belongs
 * to a following boundary delimiter (RFC 2046 §5.1.1); {@code bodySize == bodyEnd - bodyStart}. {@code type} and
 * {@code subtype} are lower-case; {@code encoding} is lower-case and defaults to {@code 7bit}. Multipart parts have
 * at least one child; message/rfc822 parts have {@code message} and {@code messageBody} (whose header starts at this
 * part's {@code bodyStart}); other parts have neither. Parameters are kept as written, in order; see
 * {@link #parameter(String)} for the decoded value.
 */
public record MimePart(String type, String subtype, List<MimeParam> params, String id, String description,
        String encoding, long bodySize, long bodyLines, String md5, String disposition,
        List<MimeParam> dispositionParams, List<String> language, String location, List<MimePart> children,
        MessageHeaders message, MimePart messageBody, long headerStart, long bodyStart, long bodyEnd) {

    public MimePart {
        Objects.requireNonNull(type);
        Objects.requireNonNull(subtype);
        Objects.requireNonNull(encoding);
        params = params == null ? List.of() : List.copyOf(params);
        dispositionParams = dispositionParams == null ? List.of() : List.copyOf(dispositionParams);
        language = language == null ? List.of() : List.copyOf(language);
        children = children == null ? List.of() : List.copyOf(children);
    }

    public boolean isMultipart() {
        return "multipart".equals(type);
    }

    /** True for an encapsulated message that was parsed (message/rfc822 or message/global). */
    public boolean isMessage() {
        return messageBody != null;
    }

    public boolean isText() {
        return "text".equals(type);
    }

    /** The multipart boundary, or null. */
    public String boundary() {
        return isMultipart() ? Rfc2231.find(params, "boundary") : null;
    }

    /** Content-Type parameter, RFC 2231 sections joined and charset-decoded, RFC 2047 words decoded; or null. */
    public String parameter(String name) {
        return Rfc2231.find(params, name.toLowerCase(Locale.ROOT));
    }

    /** Content-Disposition parameter decoded like {@link #parameter(String)}; e.g. {@code filename}. */
    public String dispositionParameter(String name) {
        return Rfc2231.find(dispositionParams, name.toLowerCase(Locale.ROOT));
    }

    /** The declared charset of a text part, us-ascii when none (RFC 2045 §5.2). */
    public String charset() {
        String cs = parameter("charset");
        return cs == null ? "us-ascii" : cs;
    }

    /** Lines of the body; meaningful for text/* and message/rfc822 (IMAP reports it only for those). */
    public long bodyLines() {
        return bodyLines;
    }

    /** Size of the part header in octets (BODY[section.MIME] for a part, BODY[HEADER] for a message root). */
    public long headerSize() {
        return bodyStart - headerStart;
    }
}
