package org.atrium.connector.imap;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.james.mime4j.codec.Base64InputStream;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.QuotedPrintableInputStream;
import org.atrium.connector.imap.FetchAttribute.Section;
import org.atrium.connector.imap.message.BodySections;
import org.atrium.connector.imap.message.BodyStructureEncoder;
import org.atrium.connector.imap.message.EnvelopeEncoder;
import org.atrium.connector.imap.message.ImapResponseBuilder;
import org.atrium.connector.imap.port.FlagOperation;
import org.atrium.connector.imap.port.MailboxException;
import org.atrium.connector.imap.port.MessageDetails;
import org.atrium.connector.imap.port.MessageState;
import org.atrium.connector.imap.port.StoreResult;
import org.atrium.connector.mime.MimePart;

/**
 * FETCH and UID FETCH (RFC 3501 §6.4.5, §6.4.8; response data §7.4.2) with BINARY (RFC 3516), CONDSTORE's
 * CHANGEDSINCE modifier and MODSEQ item (RFC 7162 §3.1.4, §3.1.4.1) and QRESYNC's VANISHED modifier (RFC 7162
 * §3.2.6).
 *
 * <p>Invariants:
 * <ul>
 * <li>One {@code * n FETCH (...)} per message, items in the order asked; UID FETCH always includes UID (§6.4.8),
 * CHANGEDSINCE always MODSEQ (RFC 7162 §3.1.4.1). A body section is named as requested; a partial one by its origin
 * octet only ({@code BODY[]<0>}, §7.4.2).</li>
 * <li>A non-PEEK body item (BODY[...], BINARY[...], RFC822, RFC822.TEXT) sets \Seen unless the mailbox is read-only
 * (§6.4.5); when that changed the flags, the response carries the new FLAGS even if not asked.</li>
 * <li>Details are loaded only when an item needs them, in batches; raw content only for body items, one message at a
 * time. A whole-message literal is streamed from the store in chunks instead of being held in memory.</li>
 * <li>A message expunged by another session meanwhile is left out (RFC 2180 §4.1.1 lets the server omit it); the
 * FETCH still succeeds. A sequence number beyond EXISTS is a BAD (RFC 3501 §9 {@code seq-number}).</li>
 * <li>No EXPUNGE response during FETCH (§7.4.1); UID FETCH allows them.</li>
 * </ul>
 * BINARY, BINARY.PEEK and BINARY.SIZE (RFC 3516 §4.2) return decoded part content, as literal8 when it holds NUL;
 * an encoding that cannot be decoded ends the FETCH with {@code NO [UNKNOWN-CTE]} (§4.3).
 */
public final class FetchProcessor extends BaseProcessor<FetchRequest> {

    /** RFC 3501 §9 {@code date-time}, always in UTC. */
    static final DateTimeFormatter INTERNALDATE = DateTimeFormatter
            .ofPattern("dd-MMM-yyyy HH:mm:ss xx", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** Literals up to this size go into the response builder; larger ones are sent in chunks of this size. */
    static final int CHUNK = 64 * 1024;

    public FetchProcessor() {
        super("FETCH", FetchRequest.class, ImapState.SELECTED_ONLY);
    }

    @Override
    public boolean allowsExpungeResponses(FetchRequest request) {
        return request.uid();
    }

    @Override
    public void process(FetchRequest request, ImapContext ctx) throws MailboxException, IOException {
        String tag = request.tag();
        String command = request.uid() ? "UID FETCH" : "FETCH";
        SelectedMailbox view = ctx.requireSelected();
        if (!request.uid() && SelectedMessages.outOfRange(request.set(), view.exists())) {
            ctx.bad(tag, "Invalid message sequence number");
            return;
        }
        if (request.vanished() && !ctx.enabled(ImapContext.QRESYNC)) {
            ctx.bad(tag, "VANISHED requires ENABLE QRESYNC"); // RFC 7162 §3.2.6
            return;
        }
        Plan plan = new Plan(request);
        if (plan.modseq) {
            SelectedMessages.enableCondstore(ctx);
        }
        List<Integer> seqs = new ArrayList<>();
        for (int seq : view.resolve(request.set(), request.uid(), ctx.savedSearchResult())) {
            if (!view.isExpunged(seq)
                    && (request.changedSince() == null || view.state(seq).modseq() > request.changedSince())) {
                seqs.add(seq);
            }
        }
        if (request.vanished()) {
            vanished(request, view, ctx);
        }
        // RFC 3501 §6.4.5: BODY[] sets \Seen, unless read-only or (RFC 4314 §4) the user lacks the "s" right.
        Set<Long> seenNow = plan.setsSeen && !view.readOnly() && view.may('s') ? markSeen(seqs, view, ctx)
                : Set.of();
        try {
            writeAll(seqs, plan, view, seenNow, ctx);
        } catch (UnknownCteException e) {
            // RFC 3516 §4.3: a part whose encoding cannot be decoded fails the FETCH.
            ctx.no(tag, "UNKNOWN-CTE", e.getMessage());
            return;
        }
        ctx.ok(tag, command + " completed");
    }

    private static void writeAll(List<Integer> seqs, Plan plan, SelectedMailbox view, Set<Long> seenNow,
            ImapContext ctx) throws MailboxException, IOException {
        for (int from = 0; from < seqs.size(); from += SelectedMessages.DETAILS_BATCH) {
            List<Integer> batch = seqs.subList(from, Math.min(seqs.size(), from + SelectedMessages.DETAILS_BATCH));
            Map<Long, MessageDetails> details = plan.details ? details(batch, view, ctx) : Map.of();
            for (int seq : batch) {
                long uid = view.uid(seq);
                MessageDetails d = details.get(uid);
                if (plan.details && d == null) {
                    continue; // expunged by another session since the view last heard
                }
                writeMessage(ctx, view, seq, plan, d, seenNow.contains(uid));
            }
        }
    }

    /** RFC 3516 §4.3 UNKNOWN-CTE: a part's Content-Transfer-Encoding the server cannot decode. */
    static final class UnknownCteException extends IOException {
        private static final long serialVersionUID = 1L;

        UnknownCteException(String encoding) {
            super("Cannot decode content transfer encoding " + ImapResponses.quote(encoding));
        }
    }

    /** What the items need, decided once per command. */
    private static final class Plan {
        private final List<FetchAttribute> items;
        private final boolean details;
        private final boolean content;
        private final boolean setsSeen;
        private final boolean modseq;
        private final boolean flagsAsked;
        /** Whether the only content item is the whole message without partial: then it is streamed. */
        private final boolean streamWhole;

        Plan(FetchRequest r) {
            List<FetchAttribute> list = new ArrayList<>();
            if (r.uid() && !r.attributes().contains(FetchAttribute.Simple.UID)) {
                list.add(FetchAttribute.Simple.UID); // RFC 3501 §6.4.8
            }
            list.addAll(r.attributes());
            if (r.changedSince() != null && !list.contains(FetchAttribute.Simple.MODSEQ)) {
                list.add(FetchAttribute.Simple.MODSEQ); // RFC 7162 §3.1.4.1
            }
            this.items = List.copyOf(list);
            boolean needDetails = false;
            boolean needContent = false;
            boolean seen = false;
            int contentItems = 0;
            int wholeItems = 0;
            for (FetchAttribute a : items) {
                if (a instanceof FetchAttribute.Simple s) {
                    switch (s) {
                        case INTERNALDATE, RFC822_SIZE, ENVELOPE, BODY, BODYSTRUCTURE -> needDetails = true;
                        case RFC822, RFC822_HEADER, RFC822_TEXT -> {
                            needDetails = true;
                            needContent = true;
                            contentItems++;
                            seen |= s != FetchAttribute.Simple.RFC822_HEADER;
                            wholeItems += s == FetchAttribute.Simple.RFC822 ? 1 : 0;
                        }
                        default -> {
                        }
                    }
                } else if (a instanceof FetchAttribute.Body b) {
                    needDetails = true;
                    needContent = true;
                    contentItems++;
                    seen |= !b.peek();
                    wholeItems += b.section().equals(Section.WHOLE) && b.offset() == null ? 1 : 0;
                } else if (a instanceof FetchAttribute.Binary b) {
                    needDetails = true;
                    needContent = true;
                    contentItems++;
                    seen |= !b.peek();
                } else if (a instanceof FetchAttribute.BinarySize) {
                    needDetails = true; // the decoded size is only known by decoding
                    needContent = true;
                    contentItems++;
                }
            }
            this.details = needDetails;
            this.content = needContent;
            this.setsSeen = seen;
            this.modseq = items.contains(FetchAttribute.Simple.MODSEQ);
            this.flagsAsked = items.contains(FetchAttribute.Simple.FLAGS);
            this.streamWhole = contentItems == 1 && wholeItems == 1;
        }
    }

    /** RFC 7162 §3.2.6: the UIDs of the set expunged since CHANGEDSINCE, as {@code VANISHED (EARLIER)}. */
    private static void vanished(FetchRequest request, SelectedMailbox view, ImapContext ctx)
            throws MailboxException {
        List<Long> gone = new ArrayList<>();
        long max = Math.max(SelectedMessages.maxUid(view), view.uidNext() - 1);
        for (long uid : ctx.store().changes(ctx.requireAccount(), view.folderId(), request.changedSince(), false)
                .expunged()) {
            if (request.set().saved() ? ctx.savedSearchResult().contains(uid) : request.set().contains(uid, max)) {
                gone.add(uid);
            }
        }
        if (!gone.isEmpty()) {
            ctx.untagged("VANISHED (EARLIER) " + SelectedMailbox.uidSet(gone));
        }
    }

    /** Sets \Seen on the messages that lack it, in one store call; returns the UIDs whose flags changed. */
    private static Set<Long> markSeen(List<Integer> seqs, SelectedMailbox view, ImapContext ctx)
            throws MailboxException {
        List<Long> unseen = new ArrayList<>();
        for (int seq : seqs) {
            if (!view.state(seq).flags().contains("\\Seen")) {
                unseen.add(view.uid(seq));
            }
        }
        if (unseen.isEmpty()) {
            return Set.of();
        }
        StoreResult r = ctx.store().store(ctx.requireAccount(), view.folderId(), unseen, FlagOperation.ADD,
                Set.of("\\Seen"), -1);
        Set<Long> changed = new HashSet<>();
        for (MessageState s : r.updated()) {
            view.update(s);
            changed.add(s.uid());
        }
        return changed;
    }

    private static Map<Long, MessageDetails> details(List<Integer> seqs, SelectedMailbox view, ImapContext ctx)
            throws MailboxException {
        List<Long> uids = new ArrayList<>(seqs.size());
        for (int seq : seqs) {
            uids.add(view.uid(seq));
        }
        Map<Long, MessageDetails> byUid = new HashMap<>();
        for (MessageDetails d : ctx.store().details(ctx.requireAccount(), view.folderId(), uids)) {
            byUid.put(d.uid(), d);
        }
        return byUid;
    }

    /** Writes one FETCH response; leaves it out when the content is gone. */
    private static void writeMessage(ImapContext ctx, SelectedMailbox view, int seq, Plan plan, MessageDetails d,
            boolean seenChanged) throws MailboxException, IOException {
        long uid = view.uid(seq);
        InputStream stream = null;
        byte[] raw = null;
        if (plan.content) {
            try {
                stream = ctx.store().open(ctx.requireAccount(), view.folderId(), uid);
            } catch (MailboxException e) {
                if (e.code() == MailboxException.Code.NONEXISTENT) {
                    return; // expunged meanwhile: RFC 2180 §4.1.1 lets the server omit it
                }
                throw e;
            }
        }
        try (InputStream in = stream) {
            if (in != null && !plan.streamWhole) {
                raw = in.readAllBytes();
            }
            // Decoded before anything of this message is written, so UNKNOWN-CTE never leaves a response half sent.
            Map<FetchAttribute, byte[]> decoded = new HashMap<>();
            for (FetchAttribute a : plan.items) {
                if (a instanceof FetchAttribute.Binary bin) {
                    decoded.put(a, BodySections.partial(binary(d, raw, bin.part()), bin.offset(), bin.length()));
                } else if (a instanceof FetchAttribute.BinarySize size) {
                    decoded.put(a, binary(d, raw, size.part()));
                }
            }
            Response out = new Response(ctx);
            try {
                out.b.raw("* " + seq + " FETCH (");
                boolean first = true;
                for (FetchAttribute a : plan.items) {
                    if (!first) {
                        out.b.sp();
                    }
                    first = false;
                    writeItem(a, out, view, seq, d, raw, in, decoded);
                }
                if (seenChanged && !plan.flagsAsked) {
                    out.b.sp();
                    writeItem(FetchAttribute.Simple.FLAGS, out, view, seq, d, raw, in, decoded);
                }
                out.b.close().crlf();
                out.flush();
            } catch (IOException | RuntimeException e) {
                out.abort();
                throw e;
            }
        }
    }

    private static void writeItem(FetchAttribute a, Response out, SelectedMailbox view, int seq, MessageDetails d,
            byte[] raw, InputStream in, Map<FetchAttribute, byte[]> decoded) throws IOException {
        ImapResponseBuilder b = out.b;
        if (a instanceof FetchAttribute.Simple s) {
            switch (s) {
                case FLAGS -> b.raw("FLAGS (" + String.join(" ", view.fetchFlags(seq)) + ")");
                case UID -> b.raw("UID " + view.uid(seq));
                case MODSEQ -> b.raw("MODSEQ (" + view.state(seq).modseq() + ")");
                case INTERNALDATE -> b.raw("INTERNALDATE \"" + INTERNALDATE.format(d.internalDate()) + "\"");
                case RFC822_SIZE -> b.raw("RFC822.SIZE " + d.size());
                case ENVELOPE -> {
                    b.raw("ENVELOPE ");
                    EnvelopeEncoder.write(d.structure().envelope(), b);
                }
                case BODY -> {
                    b.raw("BODY ");
                    BodyStructureEncoder.write(d.structure().body(), false, b);
                }
                case BODYSTRUCTURE -> {
                    b.raw("BODYSTRUCTURE ");
                    BodyStructureEncoder.write(d.structure().body(), true, b);
                }
                case RFC822 -> {
                    b.raw("RFC822 ");
                    if (raw == null) {
                        out.stream(in, d.size());
                    } else {
                        out.literal(raw);
                    }
                }
                case RFC822_HEADER -> {
                    b.raw("RFC822.HEADER ");
                    out.literal(BodySections.extract(d.structure(), raw,
                            new Section(List.of(), Section.Text.HEADER, List.of())));
                }
                case RFC822_TEXT -> {
                    b.raw("RFC822.TEXT ");
                    out.literal(BodySections.extract(d.structure(), raw,
                            new Section(List.of(), Section.Text.TEXT, List.of())));
                }
            }
        } else if (a instanceof FetchAttribute.Body body) {
            b.raw("BODY[" + sectionSpec(body.section()) + "]");
            if (body.offset() != null) {
                b.raw("<" + body.offset() + ">");
            }
            b.sp();
            if (raw == null) {
                out.stream(in, d.size());
            } else {
                out.literal(BodySections.partial(BodySections.extract(d.structure(), raw, body.section()),
                        body.offset(), body.length()));
            }
        } else if (a instanceof FetchAttribute.Binary bin) {
            b.raw("BINARY[" + partSpec(bin.part()) + "]");
            if (bin.offset() != null) {
                b.raw("<" + bin.offset() + ">");
            }
            b.sp();
            out.literal8(decoded.get(a));
        } else if (a instanceof FetchAttribute.BinarySize size) {
            b.raw("BINARY.SIZE[" + partSpec(size.part()) + "] " + decoded.get(a).length);
        }
    }

    /**
     * The decoded content of a part (RFC 3516 §4.2): base64 and quoted-printable are undone, 7bit, 8bit and binary
     * are taken as they are, and so are multiparts and messages (RFC 2045 §6.4 allows them no other encoding). The
     * empty part is the whole message, which has no encoding of its own; a part that does not exist is empty.
     */
    static byte[] binary(MessageDetails d, byte[] raw, List<Integer> part) throws IOException {
        if (part.isEmpty()) {
            return raw;
        }
        MimePart p = BodySections.resolve(d.structure().body(), part);
        if (p == null) {
            return new byte[0];
        }
        byte[] body = BodySections.extract(d.structure(), raw, new Section(part, Section.Text.ALL, List.of()));
        if (p.isMultipart() || p.isMessage()) {
            return body;
        }
        return switch (p.encoding()) {
            case "7bit", "8bit", "binary" -> body;
            case "base64" -> decode(new Base64InputStream(new ByteArrayInputStream(body), DecodeMonitor.SILENT));
            case "quoted-printable" -> decode(new QuotedPrintableInputStream(new ByteArrayInputStream(body),
                    DecodeMonitor.SILENT));
            default -> throw new UnknownCteException(p.encoding());
        };
    }

    private static byte[] decode(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    private static String partSpec(List<Integer> part) {
        StringBuilder sb = new StringBuilder();
        for (int p : part) {
            if (!sb.isEmpty()) {
                sb.append('.');
            }
            sb.append(p);
        }
        return sb.toString();
    }

    /** The section as the client wrote it (RFC 3501 §9 {@code section-spec}), for the response item name. */
    static String sectionSpec(Section s) {
        StringBuilder sb = new StringBuilder();
        for (int p : s.part()) {
            if (!sb.isEmpty()) {
                sb.append('.');
            }
            sb.append(p);
        }
        String text = switch (s.text()) {
            case ALL -> "";
            case HEADER -> "HEADER";
            case TEXT -> "TEXT";
            case MIME -> "MIME";
            case HEADER_FIELDS -> "HEADER.FIELDS";
            case HEADER_FIELDS_NOT -> "HEADER.FIELDS.NOT";
        };
        if (!text.isEmpty()) {
            if (!sb.isEmpty()) {
                sb.append('.');
            }
            sb.append(text);
        }
        if (!s.fields().isEmpty()) {
            sb.append(" (");
            for (int i = 0; i < s.fields().size(); i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                sb.append(astring(s.fields().get(i)));
            }
            sb.append(')');
        }
        return sb.toString();
    }

    /** A header field name as an atom when it is one (they nearly always are), else quoted. */
    private static String astring(String name) {
        boolean atom = !name.isEmpty();
        for (int i = 0; i < name.length() && atom; i++) {
            char c = name.charAt(i);
            atom = c > 0x20 && c < 0x7f && "(){%*\"\\]".indexOf(c) < 0;
        }
        return atom ? name : ImapResponses.quote(name);
    }

    /**
     * One FETCH response being written: small parts collect in a builder, large literals go straight to the output
     * after what was collected so far, so a big message never sits in a second buffer.
     */
    private static final class Response {
        private final ImapContext ctx;
        private final boolean utf8;
        private ImapResponseBuilder b;
        /** Whether part of the response has been sent. */
        private boolean sent;
        /** Octets of an announced literal not sent yet. */
        private long owed;

        Response(ImapContext ctx) {
            this.ctx = ctx;
            this.utf8 = ctx.enabled(ImapContext.UTF8_ACCEPT); // RFC 6855 §3: UTF-8 in quoted strings
            this.b = new ImapResponseBuilder(utf8);
        }

        void literal(byte[] octets) {
            if (octets.length <= CHUNK) {
                b.literal(octets);
                return;
            }
            large("", octets);
        }

        /** RFC 3516 §4.2: {@code ~{n}} (literal8) when the decoded octets hold NUL, which a literal may not. */
        void literal8(byte[] octets) {
            boolean nul = false;
            for (byte x : octets) {
                if (x == 0) {
                    nul = true;
                    break;
                }
            }
            if (!nul) {
                literal(octets);
            } else if (octets.length <= CHUNK) {
                b.raw("~");
                b.literal(octets);
            } else {
                large("~", octets);
            }
        }

        private void large(String prefix, byte[] octets) {
            b.raw(prefix + "{" + octets.length + "}\r\n");
            flush();
            for (int off = 0; off < octets.length; off += CHUNK) {
                ctx.sendRaw(octets, off, Math.min(CHUNK, octets.length - off));
            }
        }

        /**
         * A literal of exactly {@code size} octets read from the store. The count is announced first, so should the
         * stream hold fewer octets than the metadata says, the rest is filled with spaces to keep the framing; an
         * excess is cut. Either means the store broke its contract, which is logged.
         */
        void stream(InputStream in, long size) throws IOException {
            b.raw("{" + size + "}\r\n");
            flush();
            owed = size;
            byte[] buf = new byte[(int) Math.min(CHUNK, Math.max(1, size))];
            while (owed > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, owed));
                if (n < 0) {
                    ImapSession.LOG.log(Level.ERROR, "message shorter than its stored size; padded " + owed);
                    pad();
                    return;
                }
                ctx.sendRaw(buf, 0, n);
                owed -= n;
            }
            if (in.read() >= 0) {
                ImapSession.LOG.log(Level.ERROR, "message longer than its stored size; cut at " + size);
            }
        }

        /**
         * Ends a response that failed half way (the store's stream broke): a literal already announced is filled with
         * spaces and the response closed, so the client can still parse the tagged response that follows. Nothing
         * is sent when nothing of the response has left yet.
         */
        void abort() {
            if (!sent) {
                return;
            }
            pad();
            b = new ImapResponseBuilder(utf8);
            b.close().crlf();
            flush();
        }

        private void pad() {
            byte[] spaces = new byte[(int) Math.min(CHUNK, Math.max(1, owed))];
            java.util.Arrays.fill(spaces, (byte) ' ');
            while (owed > 0) {
                int m = (int) Math.min(spaces.length, owed);
                ctx.sendRaw(spaces, 0, m);
                owed -= m;
            }
        }

        void flush() {
            byte[] bytes = b.toByteArray();
            if (bytes.length > 0) {
                ctx.sendRaw(bytes, 0, bytes.length);
                sent = true;
            }
            b = new ImapResponseBuilder(utf8);
        }
    }
}
