package org.atrium.connector.imap.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.atrium.connector.imap.message.MessageThreader.Algorithm;
import org.junit.jupiter.api.Test;

/** RFC 5256 §4 and the THREAD response examples of §5. */
class MessageThreaderTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    private final List<SearchCandidate> folder = new ArrayList<>();

    /**
     * Adds a message with the next sequence number; UID {@code uid}; sent {@code minute} minutes after T0 (or no
     * Date header when negative, so the internal date, T0 + seq hours, is used).
     */
    private void msg(long uid, int minute, String subject, String messageId, String references, String inReplyTo) {
        StringBuilder sb = new StringBuilder();
        if (minute >= 0) {
            sb.append("Date: ").append(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                    .format(T0.plusSeconds(60L * minute).atOffset(java.time.ZoneOffset.UTC))).append("\r\n");
        }
        sb.append("Subject: ").append(subject).append("\r\n");
        if (messageId != null) {
            sb.append("Message-ID: ").append(messageId).append("\r\n");
        }
        if (references != null) {
            sb.append("References: ").append(references).append("\r\n");
        }
        if (inReplyTo != null) {
            sb.append("In-Reply-To: ").append(inReplyTo).append("\r\n");
        }
        sb.append("\r\nbody\r\n");
        long seq = folder.size() + 1;
        folder.add(new FakeCandidate(seq, uid, Set.of(), false, 1, T0.plusSeconds(3600 * seq),
                sb.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private String references() throws IOException {
        return MessageThreader.thread(Algorithm.REFERENCES, folder, true);
    }

    @Test
    void rfc5256ResponseExample() throws IOException {
        // (2)(3 6 (4 23)(44 7 96)): 3 -> 6 -> {4 -> 23, 44 -> 7 -> 96}
        msg(2, 1, "alone", "<2@x>", null, null);
        msg(3, 2, "topic", "<3@x>", null, null);
        msg(6, 3, "Re: topic", "<6@x>", "<3@x>", null);
        msg(4, 4, "Re: topic", "<4@x>", "<3@x> <6@x>", null);
        msg(23, 5, "Re: topic", "<23@x>", "<3@x> <6@x> <4@x>", null);
        msg(44, 6, "Re: topic", "<44@x>", "<3@x> <6@x>", null);
        msg(7, 7, "Re: topic", "<7@x>", "<3@x> <6@x> <44@x>", null);
        msg(96, 8, "Re: topic", "<96@x>", "<3@x> <6@x> <44@x> <7@x>", null);
        assertEquals("(2)(3 6 (4 23)(44 7 96))", references());
        assertEquals("(1)(2 3 (4 5)(6 7 8))", MessageThreader.thread(Algorithm.REFERENCES, folder, false));
    }

    @Test
    void dummyRootWithSeveralChildrenStays() throws IOException {
        // RFC 5256 §5: "((3)(5))": 3 and 5 reply to a message that is not in the folder
        msg(3, 1, "Re: lost", "<3@x>", "<lost@x>", null);
        msg(5, 2, "Re: other", "<5@x>", "<lost@x>", null);
        assertEquals("((3)(5))", references());
    }

    @Test
    void dummyWithOneChildIsPromoted() throws IOException {
        msg(1, 1, "Re: lost", "<1@x>", "<gone@x> <lost@x>", null);
        msg(2, 2, "Re: lost 2", "<2@x>", "<1@x>", null);
        assertEquals("(1 2)", references());
    }

    @Test
    void messagesArrivingBeforeTheirParentAndInReplyTo() throws IOException {
        msg(1, 3, "Re: q", "<c@x>", null, "<b@x> (b's message)");
        msg(2, 2, "Re: q", "<b@x>", "<a@x>", null);
        msg(3, 1, "q", "<a@x>", null, null);
        assertEquals("(3 2 1)", references());
    }

    @Test
    void subjectsMergeRootThreads() throws IOException {
        msg(1, 1, "Hello", "<1@x>", null, null);
        msg(2, 2, "Re: hello", "<2@x>", null, null);
        msg(3, 3, "[list] Re: Hello", "<3@x>", null, null);
        msg(4, 4, "Other", "<4@x>", null, null);
        msg(5, 5, "other", "<5@x>", null, null);
        msg(6, 6, "", "<6@x>", null, null);
        msg(7, 7, "", "<7@x>", null, null);
        // replies join the original; two originals with one subject share a dummy; empty subjects never merge
        assertEquals("(1 (2)(3))((4)(5))(6)(7)", references());
    }

    @Test
    void loopsDuplicatesAndMissingIds() throws IOException {
        msg(1, 1, "a", "<a@x>", "<b@x>", null);
        msg(2, 2, "b", "<b@x>", "<a@x>", null);
        msg(3, 3, "c", "<a@x>", null, null); // duplicate id: gets a unique one
        msg(4, 4, "d", null, "<b@x>", null);
        msg(5, 5, "e", "not an id", null, null);
        // b took the place of the dummy 1 had made its parent; b -> a would be a loop, so b stays the root
        assertEquals("(2 (1)(4))(3)(5)", references());
    }

    @Test
    void truncatedReferencesKeepTheFirstParentButTheLastReferenceWins() throws IOException {
        msg(1, 1, "r", "<r@x>", null, null);
        msg(2, 2, "Re: r", "<m@x>", "<r@x>", null);
        msg(3, 3, "Re: r", "<n@x>", "<m@x>", null); // truncated: only the parent
        msg(4, 4, "Re: r", "<o@x>", "<other@x> <m@x> <n@x>", null); // m already has a parent, kept
        assertEquals("(1 2 3 4)", references());
    }

    @Test
    void siblingsSortBySentDateAndDummyRootsByFirstChild() throws IOException {
        msg(1, 50, "x", "<1@x>", null, null);
        msg(2, 30, "Re: x", "<2@x>", "<1@x>", null);
        msg(3, 10, "Re: x", "<3@x>", "<1@x>", null);
        msg(4, 20, "Re: lost", "<4@x>", "<lost@x>", null);
        msg(5, 5, "Re: lost again", "<5@x>", "<lost@x>", null);
        msg(6, -1, "no date", "<6@x>", null, null); // internal date: T0 + 6 h
        assertEquals("((5)(4))(1 (3)(2))(6)", references());
    }

    @Test
    void orderedSubject() throws IOException {
        // RFC 5256 §4: the first message of a subject is the root, all others its children, no grandchildren
        msg(1, 10, "Topic", null, null, null);
        msg(2, 5, "Re: topic", null, null, null);
        msg(3, 20, "Fwd: Topic", null, null, null);
        msg(4, 1, "single", null, null, null);
        msg(5, 30, "two", null, null, null);
        msg(6, 40, "RE: two", null, null, null);
        msg(7, 15, "Re: topic", null, null, null);
        assertEquals("(4)(2 (1)(7)(3))(5 6)", MessageThreader.thread(Algorithm.ORDEREDSUBJECT, folder, true));
    }

    @Test
    void deepCombDoesNotOverflow() throws IOException {
        // each message gets one leaf reply and one reply that continues: nesting as deep as the thread is long
        int n = 3000;
        msg(1, 0, "comb", "<c1@x>", null, null);
        for (int i = 1; i < n; i++) {
            String parents = "<c" + i + "@x>";
            msg(2L * i, 2 * i - 1, "Re: comb", "<l" + i + "@x>", parents, null);
            msg(2L * i + 1, 2 * i, "Re: comb", "<c" + (i + 1) + "@x>", parents, null);
        }
        String out = references();
        assertEquals(true, out.startsWith("(1 (2)(3 (4)(5 (6)(7 "), out.substring(0, 40));
        assertEquals(true, out.endsWith("(" + (2 * n - 2) + ")(" + (2 * n - 1) + ")" + ")".repeat(n - 1)));
    }

    @Test
    void emptyFolder() throws IOException {
        assertEquals("", references());
        assertEquals("", MessageThreader.thread(Algorithm.ORDEREDSUBJECT, folder, false));
    }

    @Test
    void longChainDoesNotOverflow() throws IOException {
        for (int i = 1; i <= 5_000; i++) {
            msg(i, i, "Re: chain", "<" + i + "@x>", i == 1 ? null : "<" + (i - 1) + "@x>", null);
        }
        String out = references();
        assertEquals(true, out.startsWith("(1 2 3 ") && out.endsWith(" 4999 5000)"));
    }
}
