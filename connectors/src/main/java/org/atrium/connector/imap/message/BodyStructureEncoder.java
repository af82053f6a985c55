package org.atrium.connector.imap.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.atrium.connector.mime.MimeParam;
import org.atrium.connector.mime.MimePart;

/**
 * Writes BODY and BODYSTRUCTURE (RFC 3501 §7.4.2, §9 {@code body}), nested message/rfc822 parts included.
 *
 * <p>Grammar followed (RFC 3501 §9): {@code body-type-1part = (body-type-basic / body-type-msg / body-type-text)
 * [SP body-ext-1part]}, {@code body-type-mpart = 1*body SP media-subtype [SP body-ext-mpart]}. Type, subtype,
 * parameter names and disposition are sent lower-case as the parser stores them (Dovecot style, {@code "text"
 * "plain"}); the transfer encoding upper-case as in the RFC's examples. Parameter values go as written (RFC 2231
 * sections kept apart, as other servers send them). A text part without charset parameter is reported with
 * {@code ("charset" "us-ascii")}, its RFC 2045 §5.2 default. Extension data is written only for BODYSTRUCTURE.
 */
public final class BodyStructureEncoder {

    private BodyStructureEncoder() {
    }

    /**
     * @param extensionData true for BODYSTRUCTURE (with the extension data: MD5, disposition, language, location,
     *     multipart parameters), false for BODY
     */
    public static void write(MimePart part, boolean extensionData, ImapResponseBuilder out) {
        out.open();
        if (part.isMultipart() && !part.children().isEmpty()) {
            for (MimePart child : part.children()) {
                write(child, extensionData, out);
            }
            out.sp().string(part.subtype());
            if (extensionData) {
                out.sp();
                params(part.params(), out);
                out.sp();
                extension(part, out);
            }
        } else {
            out.string(part.type()).sp().string(part.subtype()).sp();
            List<MimeParam> params = part.params();
            if (part.isText() && params.stream().noneMatch(p -> p.name().equals("charset"))) {
                params = new ArrayList<>(params);
                params.add(0, new MimeParam("charset", "us-ascii"));
            }
            params(params, out);
            out.sp().nstring(part.id());
            out.sp().nstring(part.description());
            out.sp().string(part.encoding().toUpperCase(Locale.ROOT));
            out.sp().number(part.bodySize());
            if (part.isMessage() && part.message() != null) {
                out.sp();
                EnvelopeEncoder.write(part.message().envelope(), out);
                out.sp();
                write(part.messageBody(), extensionData, out);
                out.sp().number(part.bodyLines());
            } else if (part.isText()) {
                out.sp().number(part.bodyLines());
            }
            if (extensionData) {
                out.sp().nstring(part.md5()).sp();
                extension(part, out);
            }
        }
        out.close();
    }

    /** {@code body-fld-dsp SP body-fld-lang SP body-fld-loc}, shared by both extension forms. */
    private static void extension(MimePart part, ImapResponseBuilder out) {
        if (part.disposition() == null) {
            out.nil();
        } else {
            out.open().string(part.disposition()).sp();
            params(part.dispositionParams(), out);
            out.close();
        }
        out.sp();
        List<String> lang = part.language();
        if (lang.isEmpty()) {
            out.nil();
        } else if (lang.size() == 1) {
            out.string(lang.get(0));
        } else {
            out.open();
            for (int i = 0; i < lang.size(); i++) {
                if (i > 0) {
                    out.sp();
                }
                out.string(lang.get(i));
            }
            out.close();
        }
        out.sp().nstring(part.location());
    }

    /** {@code body-fld-param = "(" string SP string *(SP string SP string) ")" / nil}. */
    private static void params(List<MimeParam> params, ImapResponseBuilder out) {
        if (params.isEmpty()) {
            out.nil();
            return;
        }
        out.open();
        for (int i = 0; i < params.size(); i++) {
            if (i > 0) {
                out.sp();
            }
            out.string(params.get(i).name()).sp().string(params.get(i).value());
        }
        out.close();
    }
}
