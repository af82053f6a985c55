package org.atrium.connector.imap.message;

import java.util.List;
import org.atrium.connector.mime.Envelope;
import org.atrium.connector.mime.MimeAddress;

/**
 * Writes the ENVELOPE structure of RFC 3501 §7.4.2 (FETCH ENVELOPE), §9 {@code envelope}.
 *
 * <p>Strings are the raw header values ({@link Envelope} keeps RFC 2047 encoded-words undecoded, as RFC 3501 asks),
 * written with {@link ImapResponseBuilder#nstring} so CR, LF or 8-bit text becomes a literal. Sender and Reply-To
 * already default to From in {@link Envelope}. An empty address list is NIL; each address is
 * {@code (name adl mailbox host)} with {@code adl} always NIL (source routes are obsolete, RFC 5322 §4.4). RFC 5322
 * groups become {@code (NIL NIL "group" NIL)} ... {@code (NIL NIL NIL NIL)}, RFC 3501's group syntax. A mailbox
 * without domain gets an empty host, never NIL, so that clients do not read it as the start of a group.
 */
public final class EnvelopeEncoder {

    private EnvelopeEncoder() {
    }

    /** Writes {@code (date subject from sender reply-to to cc bcc in-reply-to message-id)}. */
    public static void write(Envelope envelope, ImapResponseBuilder out) {
        out.open();
        out.nstring(envelope.date()).sp();
        out.nstring(envelope.subject()).sp();
        addresses(envelope.from(), out);
        out.sp();
        addresses(envelope.sender(), out);
        out.sp();
        addresses(envelope.replyTo(), out);
        out.sp();
        addresses(envelope.to(), out);
        out.sp();
        addresses(envelope.cc(), out);
        out.sp();
        addresses(envelope.bcc(), out);
        out.sp();
        out.nstring(envelope.inReplyTo()).sp();
        out.nstring(envelope.messageId());
        out.close();
    }

    /** An address list ({@code "(" 1*address ")" / nil}); invalid text with nothing to show is left out. */
    static void addresses(List<MimeAddress> list, ImapResponseBuilder out) {
        boolean any = false;
        for (MimeAddress a : list) {
            if (a.kind() == MimeAddress.Kind.INVALID && empty(a.name())) {
                continue;
            }
            if (!any) {
                out.open();
                any = true;
            }
            address(a, out);
        }
        if (any) {
            out.close();
        } else {
            out.nil();
        }
    }

    private static void address(MimeAddress a, ImapResponseBuilder out) {
        out.open();
        switch (a.kind()) {
            case MAILBOX -> {
                out.nstring(empty(a.name()) ? null : a.name()).sp().nil().sp();
                out.nstring(a.localPart()).sp();
                out.string(a.domain() == null ? "" : a.domain());
            }
            case GROUP_START -> out.nil().sp().nil().sp().string(a.name() == null ? "" : a.name()).sp().nil();
            case GROUP_END -> out.nil().sp().nil().sp().nil().sp().nil();
            // text that is no address: shown as a mailbox without host, so clients still display it
            case INVALID -> out.nil().sp().nil().sp().string(a.name()).sp().string("");
        }
        out.close();
    }

    private static boolean empty(String s) {
        return s == null || s.isEmpty();
    }
}
