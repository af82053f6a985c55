package org.atrium.connector.imap.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.atrium.connector.imap.message.MessageSorter.Criterion;
import org.atrium.connector.imap.message.MessageSorter.Criterion.Key;
import org.junit.jupiter.api.Test;

/** RFC 5256 §2.1 base subject and §3 SORT, RFC 5957 DISPLAYFROM/DISPLAYTO. */
class MessageSorterTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    private final List<SearchCandidate> folder = new ArrayList<>();

    /** Header lines as given; internal date T0 + arrival hours. */
    private void msg(int arrivalHours, String... headerLines) {
        String raw = String.join("\r\n", headerLines) + "\r\n\r\nbody\r\n";
        long seq = folder.size() + 1;
        folder.add(new FakeCandidate(seq, seq * 10, Set.of(), false, 1, T0.plusSeconds(3600L * arrivalHours),
                raw.getBytes(StandardCharsets.UTF_8)));
    }

    private String sort(Criterion... criteria) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (SearchCandidate c : MessageSorter.sort(List.of(criteria), folder)) {
            sb.append(sb.length() == 0 ? "" : " ").append(c.seq());
        }
        return sb.toString();
    }

    private static Criterion by(Key key) {
        return new Criterion(key, false);
    }

    private static Criterion reverse(Key key) {
        return new Criterion(key, true);
    }

    @Test
    void baseSubject() {
        assertEquals("hello", MessageSorter.baseSubject("Hello"));
        assertEquals("hello", MessageSorter.baseSubject("Re: Hello"));
        assertEquals("hello", MessageSorter.baseSubject("RE: re:Fwd: FW: hello"));
        assertEquals("hello", MessageSorter.baseSubject("Re[2]: hello"), "a blob between re and the colon");
        assertEquals("hello", MessageSorter.baseSubject("[list] Re: [other] hello (fwd)"));
        assertEquals("hello", MessageSorter.baseSubject("  hello  (fwd) (FWD)  "));
        assertEquals("hello world", MessageSorter.baseSubject("[Fwd: Re: hello\t\r\n world]"));
        assertEquals("[list]", MessageSorter.baseSubject("[list]"), "a blob alone is the subject");
        assertEquals("[list]", MessageSorter.baseSubject("Re: [list]"));
        assertEquals("report: q2", MessageSorter.baseSubject("Report: Q2"), "\"re\" must be followed by ':'");
        assertEquals("grüße aus münchen and déjà", MessageSorter.baseSubject(
                "=?UTF-8?Q?Gr=C3=BC=C3=9Fe_aus_M=C3=BCnchen?= and =?ISO-8859-1?B?ZOlq4A==?="));
        assertEquals("", MessageSorter.baseSubject(null));
        assertEquals("", MessageSorter.baseSubject("Re: "));
    }

    @Test
    void replyOrForward() {
        assertEquals(true, MessageSorter.isReplyOrForward("Re: x"));
        assertEquals(true, MessageSorter.isReplyOrForward("[list] fwd: x"));
        assertEquals(true, MessageSorter.isReplyOrForward("x (fwd)"));
        assertEquals(true, MessageSorter.isReplyOrForward("[fwd: x]"));
        assertEquals(false, MessageSorter.isReplyOrForward("[list] x"));
        assertEquals(false, MessageSorter.isReplyOrForward("Report"));
    }

    @Test
    void sortKeysWithReverseAndTiesBySequence() throws IOException {
        msg(3, "Date: Wed, 1 Jan 2025 10:00:00 +0000", "Subject: Re: beta", "From: Zed <alice@x>",
                "To: \"Bob\" <bob@x>", "Cc: carol@x");
        msg(1, "Subject: alpha", "From: bob@x", "To: Anne <zoe@x>"); // no Date: internal date T0 + 1 h
        msg(2, "Date: Wed, 1 Jan 2025 00:30:00 +0000", "Subject: Beta", "From: =?UTF-8?Q?=C3=84rger?= <carl@x>",
                "Cc: Team: dave@x;");
        msg(2, "Date: Wed, 1 Jan 2025 00:30:00 +0000", "Subject: [fwd: ALPHA]", "X-Padding: makes it larger");
        assertEquals("2 3 4 1", sort(by(Key.ARRIVAL)));
        assertEquals("1 3 4 2", sort(reverse(Key.ARRIVAL)), "ties stay in ascending sequence order");
        assertEquals("3 4 2 1", sort(by(Key.DATE)));
        assertEquals("4 2 3 1", sort(by(Key.SUBJECT), by(Key.DATE)));
        assertEquals("3 1 4 2", sort(reverse(Key.SUBJECT), by(Key.DATE)));
        assertEquals("4 1 2 3", sort(by(Key.FROM)), "no From sorts first; then alice, bob, carl");
        assertEquals("3 4 1 2", sort(by(Key.TO)), "empty, empty, bob, zoe");
        assertEquals("2 4 1 3", sort(by(Key.CC)), "carol and dave (inside a group)");
        assertEquals("4 3 2 1", sort(by(Key.DISPLAYFROM)), "empty, Ärger (i;unicode-casemap: A), bob@x, Zed");
        assertEquals("3 4 2 1", sort(by(Key.DISPLAYTO)), "empty, empty, Anne, Bob");
    }

    @Test
    void sizeAndMultipleCriteria() throws IOException {
        msg(1, "Subject: xx");
        msg(2, "Subject: x");
        msg(3, "Subject: xxx");
        msg(4, "Subject: x");
        assertEquals("2 4 1 3", sort(by(Key.SIZE)));
        assertEquals("3 1 2 4", sort(reverse(Key.SIZE)));
        assertEquals("3 1 4 2", sort(reverse(Key.SIZE), reverse(Key.ARRIVAL)));
        assertEquals("1 2 3 4", sort(), "no criteria: sequence order");
    }
}
