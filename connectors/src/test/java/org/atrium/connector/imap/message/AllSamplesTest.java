package org.atrium.connector.imap.message;

import static org.atrium.connector.imap.message.TestMessages.parse;
import static org.atrium.connector.imap.message.TestMessages.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.atrium.connector.imap.FetchAttribute.Section;
import org.atrium.connector.imap.SearchKey;
import org.atrium.connector.mime.ParsedMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every MIME sample, malformed ones included, through every encoder and evaluator, from the structure as stored
 * (after its JSON round trip): nothing throws, and the results are well-formed.
 */
class AllSamplesTest {

    @ParameterizedTest
    @ValueSource(strings = {"simple.eml", "alternative.eml", "mixed-attachment.eml", "nested-rfc822.eml",
            "encoded-words.eml", "group.eml", "no-date.eml", "bad-date.eml", "missing-final-boundary.eml",
            "no-headers.eml", "header-without-colon.eml", "eight-bit-headers.eml", "bare-lf.eml"})
    void encodeSectionAndSearch(String name) throws IOException {
        byte[] raw = sample(name);
        ParsedMessage m = ParsedMessage.fromJson(parse(raw).toJson());

        ImapResponseBuilder out = new ImapResponseBuilder();
        EnvelopeEncoder.write(m.envelope(), out);
        out.sp();
        BodyStructureEncoder.write(m.body(), false, out);
        out.sp();
        BodyStructureEncoder.write(m.body(), true, out);
        assertBalanced(out.toString());

        for (List<Integer> part : List.of(List.<Integer>of(), List.of(1), List.of(2), List.of(2, 1), List.of(9))) {
            for (Section.Text text : Section.Text.values()) {
                if (text == Section.Text.MIME && part.isEmpty()) {
                    continue;
                }
                List<String> fields = text == Section.Text.HEADER_FIELDS || text == Section.Text.HEADER_FIELDS_NOT
                        ? List.of("Subject", "From") : List.of();
                byte[] s = BodySections.extract(m, raw, new Section(part, text, fields));
                assertTrue(s.length <= raw.length + 4, name + " " + part + " " + text);
            }
        }
        assertEquals(raw.length, BodySections.extract(m, raw, Section.WHOLE).length);

        SearchEvaluator e = new SearchEvaluator(1, 1, Set.of(), Instant.now(), ZoneOffset.UTC);
        FakeCandidate c = FakeCandidate.of(1, Instant.now(), raw);
        for (SearchKey k : List.of(SearchEvaluatorTest.key("TEXT \"zzz-not-there\""),
                SearchEvaluatorTest.key("BODY \"zzz-not-there\""), SearchEvaluatorTest.key("HEADER X-None \"\""),
                SearchEvaluatorTest.key("OR SENTBEFORE 1-Jan-1900 SUBJECT zzz"))) {
            assertEquals(false, e.matches(k, c), name + " " + k);
        }
        assertEquals(true, e.matches(SearchEvaluatorTest.key("LARGER 0"), c));
        MessageSorter.sort(List.of(new MessageSorter.Criterion(MessageSorter.Criterion.Key.SUBJECT, false),
                new MessageSorter.Criterion(MessageSorter.Criterion.Key.DISPLAYFROM, true)), List.of(c, c));
        assertEquals("(1 1)", MessageThreader.thread(MessageThreader.Algorithm.ORDEREDSUBJECT, List.of(c, c), false));
        assertEquals("(1)", MessageThreader.thread(MessageThreader.Algorithm.REFERENCES, List.of(c), false));
    }

    /** Parentheses balance outside quoted strings and literals. */
    private static void assertBalanced(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"') {
                for (i++; s.charAt(i) != '"'; i++) {
                    if (s.charAt(i) == '\\') {
                        i++;
                    }
                }
            } else if (ch == '{') {
                int close = s.indexOf('}', i);
                int n = Integer.parseInt(s.substring(i + 1, close));
                i = close + 2 + new String(s.substring(close + 3).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        0, n, java.nio.charset.StandardCharsets.UTF_8).length();
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
                assertTrue(depth >= 0, s);
            }
        }
        assertEquals(0, depth, s);
    }
}
