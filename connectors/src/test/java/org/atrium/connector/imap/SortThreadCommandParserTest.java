package org.atrium.connector.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.atrium.connector.imap.message.MessageSorter.Criterion;
import org.atrium.connector.imap.message.MessageSorter.Criterion.Key;
import org.atrium.connector.imap.message.MessageThreader.Algorithm;
import org.junit.jupiter.api.Test;

/** SORT and THREAD (RFC 5256 §5 syntax, its §3 and §4 examples; RFC 5957 display keys). */
class SortThreadCommandParserTest {

    private final ImapCommandParsers parsers = new ImapCommandParsers(ImapRequestLimits.DEFAULTS);

    /** {@code "tag NAME args"}, one line, no literals. */
    private ImapCommandParsers.Result parse(String line) {
        String[] p = line.split(" ", 3);
        return parsers.parse(ImapCommandLine.of(p[0], p[1], p.length > 2 ? " " + p[2] : ""), false);
    }

    private <T extends ImapRequest> T ok(Class<T> type, String line) {
        ImapCommandParsers.Result r = parse(line);
        ImapCommandParsers.Result.Parsed p = assertInstanceOf(ImapCommandParsers.Result.Parsed.class, r,
                r::toString);
        return assertInstanceOf(type, p.request());
    }

    private String bad(String line) {
        ImapCommandParsers.Result.Bad b = assertInstanceOf(ImapCommandParsers.Result.Bad.class, parse(line), line);
        assertFalse(b.message().endsWith("invalid arguments"), "a parser threw: " + b);
        return b.message();
    }

    @Test
    void rfc5256SortExamples() {
        SortRequest a = ok(SortRequest.class, "A282 SORT (SUBJECT) UTF-8 SINCE 1-Feb-1994");
        assertEquals("A282", a.tag());
        assertFalse(a.uid());
        assertEquals(List.of(new Criterion(Key.SUBJECT, false)), a.criteria());
        assertEquals("UTF-8", a.charset());
        assertEquals(new SearchKey.Date(SearchKey.Date.DateKind.SINCE, LocalDate.of(1994, 2, 1)), a.key());

        SortRequest b = ok(SortRequest.class, "A283 SORT (SUBJECT REVERSE DATE) UTF-8 ALL");
        assertEquals(List.of(new Criterion(Key.SUBJECT, false), new Criterion(Key.DATE, true)), b.criteria());
        assertEquals(SearchKey.Simple.ALL, b.key());

        SortRequest c = ok(SortRequest.class, "A284 SORT (SUBJECT) US-ASCII TEXT \"not in mailbox\"");
        assertEquals("US-ASCII", c.charset());
        assertEquals(new SearchKey.Text(SearchKey.Text.Field.TEXT, "not in mailbox"), c.key());
    }

    @Test
    void uidSortEveryKeyAndSeveralSearchKeys() {
        SortRequest r = ok(SortRequest.class, "t UID SORT (arrival cc DATE from SIZE subject TO displayfrom "
                + "REVERSE DISPLAYTO) utf-8 UNSEEN OR FLAGGED (UID 1:* NOT DELETED)");
        assertTrue(r.uid());
        assertEquals(9, r.criteria().size());
        assertEquals(new Criterion(Key.DISPLAYTO, true), r.criteria().get(8));
        assertEquals(new Criterion(Key.DISPLAYFROM, false), r.criteria().get(7));
        assertEquals("UTF-8", r.charset());
        SearchKey.And and = assertInstanceOf(SearchKey.And.class, r.key());
        assertEquals(SearchKey.Simple.UNSEEN, and.keys().get(0));
        assertInstanceOf(SearchKey.Or.class, and.keys().get(1));
    }

    @Test
    void sortErrors() {
        assertEquals("SORT: Unknown sort criterion", bad("t SORT (COLOR) UTF-8 ALL"));
        bad("t SORT () UTF-8 ALL");
        bad("t SORT (REVERSE) UTF-8 ALL");
        bad("t SORT (DATE) ALL"); // the charset is required: "ALL" is taken as it, then keys are missing
        bad("t SORT DATE UTF-8 ALL");
        bad("t SORT (DATE) UTF-8");
        bad("t SORT (DATE)  UTF-8 ALL");
        bad("t SORT (DATE) UTF-8 ALL ");
        bad("t SORT");
        bad("t UID SORT (DATE) UTF-8 NOSUCHKEY");
        int max = ImapRequestLimits.DEFAULTS.maxNestingDepth();
        assertEquals("SORT: Nesting too deep", bad("t SORT (DATE) UTF-8 " + "NOT ".repeat(max + 1) + "SEEN"));
    }

    @Test
    void rfc5256ThreadExamples() {
        ThreadRequest a = ok(ThreadRequest.class, "A283 THREAD ORDEREDSUBJECT UTF-8 SINCE 5-MAR-2000");
        assertEquals(Algorithm.ORDEREDSUBJECT, a.algorithm());
        assertFalse(a.uid());
        assertEquals("UTF-8", a.charset());
        assertEquals(new SearchKey.Date(SearchKey.Date.DateKind.SINCE, LocalDate.of(2000, 3, 5)), a.key());
        ThreadRequest b = ok(ThreadRequest.class, "A284 THREAD REFERENCES US-ASCII TEXT \"gewp\"");
        assertEquals(Algorithm.REFERENCES, b.algorithm());
        assertEquals(new SearchKey.Text(SearchKey.Text.Field.TEXT, "gewp"), b.key());
        ThreadRequest c = ok(ThreadRequest.class, "t UID THREAD references \"utf-8\" 1:5 SEEN");
        assertTrue(c.uid());
        assertEquals("UTF-8", c.charset());
        assertEquals(2, assertInstanceOf(SearchKey.And.class, c.key()).keys().size());
    }

    @Test
    void threadErrors() {
        assertEquals("THREAD: Unknown threading algorithm", bad("t THREAD SUBJECT UTF-8 ALL"));
        bad("t THREAD REFERENCES UTF-8");
        bad("t THREAD REFERENCES");
        bad("t THREAD");
        bad("t THREAD (REFERENCES) UTF-8 ALL");
        assertEquals("UID: Unknown UID command", bad("t UID THREADS REFERENCES UTF-8 ALL"));
    }

    @Test
    void registered() {
        assertTrue(parsers.commands().containsAll(List.of("SORT", "THREAD")));
    }
}
