package org.atrium.connector.imap;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code fetch = "FETCH" SP sequence-set SP ("ALL" / "FULL" / "FAST" / fetch-att / "(" fetch-att *(SP fetch-att)
 * ")") [fetch-modifiers]} (RFC 3501 §6.4.5, §9; RFC 4466 §2.4; RFC 7162 §3.1.4, §3.2.6; RFC 3516 §4.2).
 *
 * <p>Limits: at most 64 items, and 64 header field names per HEADER.FIELDS, so one command cannot ask the store for
 * unbounded work; sections nest no deeper than 32 parts. VANISHED is accepted only with UID FETCH and CHANGEDSINCE,
 * as RFC 7162 §3.2.6 requires.
 */
public final class FetchCommandParser implements ImapCommandParser.UidCapable {

    private static final int MAX_ITEMS = 64;
    private static final int MAX_FIELDS = 64;
    private static final int MAX_PART_DEPTH = 32;

    @Override
    public ImapRequest parse(String tag, ImapArgumentParser args, boolean uid) throws ImapSyntaxException {
        args.sp();
        SequenceSet set = args.sequenceSet();
        args.sp();
        List<FetchAttribute> atts = new ArrayList<>();
        if (args.peek() == '(') {
            args.openList();
            do {
                if (atts.size() >= MAX_ITEMS) {
                    throw new ImapSyntaxException("Too many FETCH items");
                }
                attribute(args, atts, false);
            } while (args.tryChar(' '));
            args.closeList();
        } else {
            attribute(args, atts, true);
        }
        Long changedSince = null;
        boolean vanished = false;
        if (args.more()) {
            args.openList();
            do {
                String m = args.keyword();
                if (m.equals("CHANGEDSINCE") && changedSince == null) {
                    args.sp();
                    changedSince = args.number64();
                } else if (m.equals("VANISHED") && !vanished) {
                    vanished = true;
                } else {
                    throw new ImapSyntaxException("Unknown or repeated FETCH modifier");
                }
            } while (args.tryChar(' '));
            args.closeList();
            if (vanished && (!uid || changedSince == null)) {
                throw new ImapSyntaxException("VANISHED needs UID FETCH and CHANGEDSINCE");
            }
        }
        args.end();
        return new FetchRequest(tag, uid, set, atts, changedSince, vanished);
    }

    private static void attribute(ImapArgumentParser args, List<FetchAttribute> out, boolean macros)
            throws ImapSyntaxException {
        String k = args.keyword('[');
        switch (k) {
            case "ALL", "FAST", "FULL" -> {
                if (!macros) {
                    throw new ImapSyntaxException("FETCH macro inside a list");
                }
                out.add(FetchAttribute.Simple.FLAGS);
                out.add(FetchAttribute.Simple.INTERNALDATE);
                out.add(FetchAttribute.Simple.RFC822_SIZE);
                if (!k.equals("FAST")) {
                    out.add(FetchAttribute.Simple.ENVELOPE);
                }
                if (k.equals("FULL")) {
                    out.add(FetchAttribute.Simple.BODY);
                }
            }
            case "FLAGS", "INTERNALDATE", "RFC822", "ENVELOPE", "BODYSTRUCTURE", "UID", "MODSEQ" ->
                out.add(FetchAttribute.Simple.valueOf(k));
            case "RFC822.HEADER" -> out.add(FetchAttribute.Simple.RFC822_HEADER);
            case "RFC822.SIZE" -> out.add(FetchAttribute.Simple.RFC822_SIZE);
            case "RFC822.TEXT" -> out.add(FetchAttribute.Simple.RFC822_TEXT);
            case "BODY", "BODY.PEEK" -> {
                if (args.peek() != '[') {
                    if (k.equals("BODY.PEEK")) {
                        throw new ImapSyntaxException("BODY.PEEK needs a section");
                    }
                    out.add(FetchAttribute.Simple.BODY);
                    return;
                }
                FetchAttribute.Section section = section(args);
                long[] partial = partial(args);
                out.add(new FetchAttribute.Body(k.equals("BODY.PEEK"), section,
                        partial == null ? null : partial[0], partial == null ? null : partial[1]));
            }
            case "BINARY", "BINARY.PEEK" -> {
                List<Integer> part = binarySection(args);
                long[] partial = partial(args);
                out.add(new FetchAttribute.Binary(k.equals("BINARY.PEEK"), part,
                        partial == null ? null : partial[0], partial == null ? null : partial[1]));
            }
            case "BINARY.SIZE" -> out.add(new FetchAttribute.BinarySize(binarySection(args)));
            default -> throw new ImapSyntaxException("Unknown FETCH item");
        }
    }

    private static FetchAttribute.Section section(ImapArgumentParser args) throws ImapSyntaxException {
        args.expect('[');
        if (args.tryChar(']')) {
            return FetchAttribute.Section.WHOLE;
        }
        List<Integer> part = new ArrayList<>();
        FetchAttribute.Section.Text text = FetchAttribute.Section.Text.ALL;
        List<String> fields = List.of();
        boolean wantText = true;
        if (isDigit(args.peek())) {
            wantText = false;
            part.add(partNumber(args));
            while (args.tryChar('.')) {
                if (isDigit(args.peek())) {
                    if (part.size() >= MAX_PART_DEPTH) {
                        throw new ImapSyntaxException("Section too deep");
                    }
                    part.add(partNumber(args));
                } else {
                    wantText = true;
                    break;
                }
            }
        }
        if (wantText) {
            String t = args.keyword(']');
            switch (t) {
                case "HEADER" -> text = FetchAttribute.Section.Text.HEADER;
                case "TEXT" -> text = FetchAttribute.Section.Text.TEXT;
                case "MIME" -> {
                    if (part.isEmpty()) {
                        throw new ImapSyntaxException("MIME needs a section part");
                    }
                    text = FetchAttribute.Section.Text.MIME;
                }
                case "HEADER.FIELDS", "HEADER.FIELDS.NOT" -> {
                    text = t.endsWith(".NOT") ? FetchAttribute.Section.Text.HEADER_FIELDS_NOT
                            : FetchAttribute.Section.Text.HEADER_FIELDS;
                    args.sp();
                    fields = new ArrayList<>();
                    args.openList();
                    do {
                        if (fields.size() >= MAX_FIELDS) {
                            throw new ImapSyntaxException("Too many header fields");
                        }
                        fields.add(args.astring());
                    } while (args.tryChar(' '));
                    args.closeList();
                }
                default -> throw new ImapSyntaxException("Invalid section");
            }
        }
        args.expect(']');
        return new FetchAttribute.Section(part, text, fields);
    }

    private static List<Integer> binarySection(ImapArgumentParser args) throws ImapSyntaxException {
        args.expect('[');
        List<Integer> part = new ArrayList<>();
        if (!args.tryChar(']')) {
            do {
                if (part.size() >= MAX_PART_DEPTH) {
                    throw new ImapSyntaxException("Section too deep");
                }
                part.add(partNumber(args));
            } while (args.tryChar('.'));
            args.expect(']');
        }
        return part;
    }

    private static int partNumber(ImapArgumentParser args) throws ImapSyntaxException {
        long n = args.nzNumber();
        if (n > Integer.MAX_VALUE) {
            throw new ImapSyntaxException("Section part out of range");
        }
        return (int) n;
    }

    /** {@code partial = "<" number "." nz-number ">"}, or null when absent. */
    private static long[] partial(ImapArgumentParser args) throws ImapSyntaxException {
        if (!args.tryChar('<')) {
            return null;
        }
        long offset = args.number();
        args.expect('.');
        long length = args.nzNumber();
        args.expect('>');
        return new long[] {offset, length};
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
