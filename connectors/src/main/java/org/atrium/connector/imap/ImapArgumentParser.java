package org.atrium.connector.imap;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the arguments of one {@link ImapCommandLine} by the formal syntax of RFC 3501 §9 (and RFC 9051 §9 where it
 * extends it): atoms, quoted strings, literals, numbers, lists, {@code astring}, {@code mailbox},
 * {@code list-mailbox}, flags, dates and sequence sets. Command parsers call these in grammar order; any mismatch is
 * an {@link ImapSyntaxException} whose message goes into the tagged BAD.
 *
 * <p>Separators are exact: one SP between arguments, none at the end, as §9 writes them. Quoted strings carry only
 * 7-bit TEXT-CHARs unless the session enabled UTF8=ACCEPT (RFC 6855 §3, RFC 9051), where they may carry valid UTF-8;
 * literals carry any octet but NUL, literal8 any octet. Nesting of lists and of NOT/OR search keys is bounded by
 * {@link #enter()} so a hostile command cannot exhaust the stack. Not thread-safe; one instance per command.
 */
public final class ImapArgumentParser {

    private static final String[] MONTHS =
            {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};

    private final ImapCommandLine command;
    private final boolean utf8;
    private final int maxDepth;
    private int segment;
    private int pos;
    private int depth;

    public ImapArgumentParser(ImapCommandLine command, boolean utf8, int maxDepth) {
        this.command = command;
        this.utf8 = utf8;
        this.maxDepth = maxDepth;
    }

    public ImapCommandLine command() {
        return command;
    }

    /** RFC 3501 §9 ATOM-CHAR: any CHAR except atom-specials. */
    public static boolean isAtomChar(int c) {
        return c > 0x20 && c < 0x7f && c != '(' && c != ')' && c != '{' && c != '%' && c != '*' && c != '"'
                && c != '\\' && c != ']';
    }

    // ---- position ----

    private byte[] seg() {
        return command.segments().get(segment);
    }

    /** The next character, or -1 at the end of the arguments or where a literal starts. */
    public int peek() {
        byte[] s = seg();
        return pos < s.length ? s[pos] & 0xff : -1;
    }

    /** Whether a literal is next. */
    public boolean atLiteral() {
        return pos == seg().length && segment < command.literals().size();
    }

    public boolean atEnd() {
        return pos == seg().length && segment == command.literals().size();
    }

    /** Expects the end of the arguments. */
    public void end() throws ImapSyntaxException {
        if (!atEnd()) {
            throw new ImapSyntaxException("Unexpected extra arguments");
        }
    }

    /** A saved position for one-token look-ahead. */
    public long mark() {
        return ((long) segment << 32) | pos;
    }

    public void reset(long mark) {
        segment = (int) (mark >>> 32);
        pos = (int) mark;
    }

    public boolean tryChar(char c) {
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    public void expect(char c) throws ImapSyntaxException {
        if (!tryChar(c)) {
            throw new ImapSyntaxException(c == ' ' ? "Missing argument" : "Expected '" + c + "'");
        }
    }

    public void sp() throws ImapSyntaxException {
        expect(' ');
    }

    /** Consumes one SP if more arguments follow; false at the end. */
    public boolean more() throws ImapSyntaxException {
        if (atEnd()) {
            return false;
        }
        sp();
        return true;
    }

    /** Opens a parenthesised list, counting nesting depth. */
    public void openList() throws ImapSyntaxException {
        expect('(');
        enter();
    }

    public void closeList() throws ImapSyntaxException {
        expect(')');
        leave();
    }

    /** One level deeper (a list, or a NOT/OR search key). */
    public void enter() throws ImapSyntaxException {
        if (++depth > maxDepth) {
            throw new ImapSyntaxException("Nesting too deep");
        }
    }

    public void leave() {
        depth--;
    }

    // ---- tokens ----

    private String takeWhile(java.util.function.IntPredicate p) {
        byte[] s = seg();
        int start = pos;
        while (pos < s.length && p.test(s[pos] & 0xff)) {
            pos++;
        }
        return new String(s, start, pos - start, StandardCharsets.ISO_8859_1);
    }

    /** {@code atom = 1*ATOM-CHAR}. */
    public String atom() throws ImapSyntaxException {
        String a = takeWhile(ImapArgumentParser::isAtomChar);
        if (a.isEmpty()) {
            throw new ImapSyntaxException("Expected atom");
        }
        return a;
    }

    /** An atom in upper case, for keywords of the grammar. */
    public String keyword() throws ImapSyntaxException {
        return atom().toUpperCase(Locale.ROOT);
    }

    /**
     * An upper-case run of atom characters ending before {@code stop} too; for FETCH items such as
     * {@code BODY.PEEK[}, where {@code [} would otherwise be part of the atom.
     */
    public String keyword(char stop) throws ImapSyntaxException {
        String a = takeWhile(c -> isAtomChar(c) && c != stop);
        if (a.isEmpty()) {
            throw new ImapSyntaxException("Expected atom");
        }
        return a.toUpperCase(Locale.ROOT);
    }

    /** Consumes {@code word} (case-insensitive) if it is the whole next atom. */
    public boolean tryKeyword(String word) {
        long m = mark();
        String a = takeWhile(ImapArgumentParser::isAtomChar);
        if (a.equalsIgnoreCase(word)) {
            return true;
        }
        reset(m);
        return false;
    }

    /** {@code NIL}, consumed if present. */
    public boolean tryNil() {
        return tryKeyword("NIL");
    }

    /** {@code number}: 32-bit unsigned (RFC 3501 §9). */
    public long number() throws ImapSyntaxException {
        return digits(0xFFFF_FFFFL, "number");
    }

    /** {@code nz-number}. */
    public long nzNumber() throws ImapSyntaxException {
        long n = number();
        if (n == 0) {
            throw new ImapSyntaxException("Expected non-zero number");
        }
        return n;
    }

    /** {@code number64} (RFC 9051 §9): 0 to 2^63-1. */
    public long number64() throws ImapSyntaxException {
        return digits(Long.MAX_VALUE, "number");
    }

    private long digits(long max, String what) throws ImapSyntaxException {
        String d = takeWhile(c -> c >= '0' && c <= '9');
        if (d.isEmpty() || d.length() > 19) {
            throw new ImapSyntaxException("Expected " + what);
        }
        long v = 0;
        for (int i = 0; i < d.length(); i++) {
            int x = d.charAt(i) - '0';
            if (v > (max - x) / 10) {
                throw new ImapSyntaxException("Number out of range");
            }
            v = v * 10 + x;
        }
        return v;
    }

    /** The next literal (RFC 3501 §4.3), or literal8 only if {@code allowBinary}. */
    public ImapCommandLine.Literal literal(boolean allowBinary) throws ImapSyntaxException {
        if (!atLiteral()) {
            throw new ImapSyntaxException("Expected literal");
        }
        ImapCommandLine.Literal l = command.literals().get(segment);
        if (l.binary() && !allowBinary) {
            throw new ImapSyntaxException("literal8 not allowed here");
        }
        if (!l.binary()) {
            for (byte b : l.data()) {
                if (b == 0) {
                    throw new ImapSyntaxException("NUL in literal");
                }
            }
        }
        segment++;
        pos = 0;
        return l;
    }

    /** {@code quoted} (RFC 3501 §9, with RFC 9051's UTF-8 when enabled). */
    public String quoted() throws ImapSyntaxException {
        expect('"');
        byte[] s = seg();
        ByteBuffer out = ByteBuffer.allocate(s.length - pos);
        while (true) {
            if (pos >= s.length) {
                throw new ImapSyntaxException("Unterminated quoted string");
            }
            int c = s[pos++] & 0xff;
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                if (pos >= s.length || (s[pos] != '\\' && s[pos] != '"')) {
                    throw new ImapSyntaxException("Invalid escape in quoted string");
                }
                c = s[pos++];
            } else if (c == 0 || c == '\r' || c == '\n') {
                throw new ImapSyntaxException("Invalid character in quoted string");
            } else if (c >= 0x80 && !utf8) {
                throw new ImapSyntaxException("8-bit character in quoted string");
            }
            out.put((byte) c);
        }
        out.flip();
        if (!utf8) {
            return StandardCharsets.US_ASCII.decode(out).toString();
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(out).toString();
        } catch (CharacterCodingException e) {
            throw new ImapSyntaxException("Invalid UTF-8 in quoted string");
        }
    }

    /** {@code string = quoted / literal}, decoded as UTF-8. */
    public String string() throws ImapSyntaxException {
        if (atLiteral()) {
            return new String(literal(false).data(), StandardCharsets.UTF_8);
        }
        if (peek() == '"') {
            return quoted();
        }
        throw new ImapSyntaxException("Expected string");
    }

    /** {@code astring = 1*ASTRING-CHAR / string}. */
    public String astring() throws ImapSyntaxException {
        if (atLiteral() || peek() == '"') {
            return string();
        }
        String a = takeWhile(c -> isAtomChar(c) || c == ']');
        if (a.isEmpty()) {
            throw new ImapSyntaxException("Expected string");
        }
        return a;
    }

    /** {@code nstring = string / NIL}; null for NIL. */
    public String nstring() throws ImapSyntaxException {
        return tryNil() ? null : string();
    }

    /** {@code mailbox = "INBOX" / astring}. */
    public MailboxName mailbox() throws ImapSyntaxException {
        return new MailboxName(astring());
    }

    /**
     * {@code identifier = astring} (RFC 4314 §4), the ACL commands' user or group; an empty one names nobody and is a
     * syntax error.
     */
    public String identifier() throws ImapSyntaxException {
        String identifier = astring();
        if (identifier.isEmpty()) {
            throw new ImapSyntaxException("Empty identifier");
        }
        return identifier;
    }

    /** {@code list-mailbox = 1*list-char / string}; list-char adds {@code %}, {@code *} and {@code ]}. */
    public String listMailbox() throws ImapSyntaxException {
        if (atLiteral() || peek() == '"') {
            return string();
        }
        String a = takeWhile(c -> isAtomChar(c) || c == ']' || c == '%' || c == '*');
        if (a.isEmpty()) {
            throw new ImapSyntaxException("Expected mailbox pattern");
        }
        return a;
    }

    /**
     * {@code flag} (RFC 3501 §9): a system flag ({@code \Seen}, normalised to its canonical case), a flag-extension
     * {@code \atom}, or a keyword atom. {@code \Recent} is refused: clients cannot set it (RFC 3501 §2.3.2).
     */
    public String flag() throws ImapSyntaxException {
        if (tryChar('\\')) {
            String a = atom();
            String canonical = switch (a.toUpperCase(Locale.ROOT)) {
                case "SEEN" -> "\\Seen";
                case "ANSWERED" -> "\\Answered";
                case "FLAGGED" -> "\\Flagged";
                case "DELETED" -> "\\Deleted";
                case "DRAFT" -> "\\Draft";
                case "RECENT" -> throw new ImapSyntaxException("\\Recent cannot be set");
                default -> "\\" + a;
            };
            return canonical;
        }
        return atom();
    }

    /** {@code flag-list = "(" [flag *(SP flag)] ")"}. */
    public List<String> flagList() throws ImapSyntaxException {
        openList();
        List<String> flags = new ArrayList<>();
        if (!tryChar(')')) {
            do {
                flags.add(flag());
            } while (tryChar(' '));
            expect(')');
        }
        leave();
        return flags;
    }

    /** {@code sequence-set}, or {@code $} where SEARCHRES allows it. */
    public SequenceSet sequenceSet() throws ImapSyntaxException {
        String t = takeWhile(c -> (c >= '0' && c <= '9') || c == ':' || c == ',' || c == '*' || c == '$');
        if (t.isEmpty()) {
            throw new ImapSyntaxException("Expected sequence set");
        }
        return SequenceSet.parse(t, true);
    }

    /** {@code date = date-text / DQUOTE date-text DQUOTE}, {@code date-text = date-day "-" date-month "-" date-year}. */
    public LocalDate date() throws ImapSyntaxException {
        boolean q = tryChar('"');
        String t = takeWhile(c -> isAtomChar(c));
        if (q) {
            expect('"');
        }
        String[] p = t.split("-", -1);
        if (p.length != 3 || !p[0].matches("\\d{1,2}") || !p[2].matches("\\d{4}")) {
            throw new ImapSyntaxException("Invalid date");
        }
        try {
            return LocalDate.of(Integer.parseInt(p[2]), month(p[1]), Integer.parseInt(p[0]));
        } catch (NumberFormatException | DateTimeException e) {
            throw new ImapSyntaxException("Invalid date");
        }
    }

    /**
     * {@code date-time = DQUOTE date-day-fixed "-" date-month "-" date-year SP time SP zone DQUOTE}, e.g.
     * {@code " 7-Feb-1994 21:52:25 -0800"}. A one-digit day without its leading space is accepted too, as clients
     * send it.
     */
    public OffsetDateTime dateTime() throws ImapSyntaxException {
        expect('"');
        byte[] s = seg();
        int close = pos;
        while (close < s.length && s[close] != '"') {
            close++;
        }
        if (close >= s.length) {
            throw new ImapSyntaxException("Invalid date-time");
        }
        String t = new String(s, pos, close - pos, StandardCharsets.ISO_8859_1);
        pos = close + 1;
        if (t.startsWith(" ")) {
            t = t.substring(1);
        }
        if (!t.matches("\\d{1,2}-[A-Za-z]{3}-\\d{4} \\d{2}:\\d{2}:\\d{2} [+-]\\d{4}")) {
            throw new ImapSyntaxException("Invalid date-time");
        }
        try {
            String[] dt = t.split(" ");
            String[] d = dt[0].split("-");
            String[] tm = dt[1].split(":");
            int zh = Integer.parseInt(dt[2].substring(1, 3));
            int zm = Integer.parseInt(dt[2].substring(3, 5));
            if (zm > 59) {
                throw new ImapSyntaxException("Invalid date-time");
            }
            ZoneOffset zone = dt[2].charAt(0) == '-' ? ZoneOffset.ofHoursMinutes(-zh, -zm)
                    : ZoneOffset.ofHoursMinutes(zh, zm);
            return OffsetDateTime.of(Integer.parseInt(d[2]), month(d[1]), Integer.parseInt(d[0]),
                    Integer.parseInt(tm[0]), Integer.parseInt(tm[1]), Integer.parseInt(tm[2]), 0, zone);
        } catch (DateTimeException e) {
            throw new ImapSyntaxException("Invalid date-time");
        }
    }

    private static int month(String m) throws ImapSyntaxException {
        String u = m.toUpperCase(Locale.ROOT);
        for (int i = 0; i < MONTHS.length; i++) {
            if (MONTHS[i].equals(u)) {
                return i + 1;
            }
        }
        throw new ImapSyntaxException("Invalid month");
    }
}
