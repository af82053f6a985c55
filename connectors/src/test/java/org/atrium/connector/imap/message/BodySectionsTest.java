package org.atrium.connector.imap.message;

import static org.atrium.connector.imap.message.TestMessages.ascii;
import static org.atrium.connector.imap.message.TestMessages.crlf;
import static org.atrium.connector.imap.message.TestMessages.parse;
import static org.atrium.connector.imap.message.TestMessages.sample;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.atrium.connector.imap.FetchAttribute.Section;
import org.atrium.connector.imap.FetchAttribute.Section.Text;
import org.atrium.connector.mime.ParsedMessage;
import org.junit.jupiter.api.Test;

/** RFC 3501 §6.4.5 body sections over the MIME samples. */
class BodySectionsTest {

    private static final byte[] NESTED = sample("nested-rfc822.eml");
    private static final ParsedMessage NESTED_MSG = parse(NESTED);

    private static String get(byte[] raw, String part, Text text, String... fields) {
        return get(raw, parse(raw), part, text, fields);
    }

    private static String get(byte[] raw, ParsedMessage m, String part, Text text, String... fields) {
        List<Integer> path = part.isEmpty() ? List.of()
                : java.util.Arrays.stream(part.split("\\.")).map(Integer::valueOf).toList();
        return ascii(BodySections.extract(m, raw, new Section(path, text, List.of(fields))));
    }

    @Test
    void wholeHeaderAndText() {
        byte[] raw = sample("simple.eml");
        assertArrayEquals(raw, BodySections.extract(parse(raw), raw, Section.WHOLE));
        String header = get(raw, "", Text.HEADER);
        assertEquals(true, header.startsWith("Date: Mon, 7 Feb 1994"));
        assertEquals(true, header.endsWith("US-ASCII\r\n\r\n"));
        assertEquals("Hello Joe, do you think we can meet at 3:30 tomorrow?\r\n", get(raw, "", Text.TEXT));
        assertEquals(raw.length, header.length() + get(raw, "", Text.TEXT).length());
    }

    @Test
    void headerFieldsKeepContinuationLinesAndOrder() {
        byte[] raw = crlf("Subject: one", "X-A: a", "  continued", "From: f@x", "x-a: second", "Bogus line",
                "", "body");
        assertEquals("X-A: a\r\n  continued\r\nFrom: f@x\r\nx-a: second\r\n\r\n",
                get(raw, "", Text.HEADER_FIELDS, "FROM", "x-A"));
        assertEquals("Subject: one\r\n\r\n", get(raw, "", Text.HEADER_FIELDS_NOT, "FROM", "X-A"));
        assertEquals("\r\n", get(raw, "", Text.HEADER_FIELDS, "Cc"));
    }

    @Test
    void headerFieldsWithoutBodyOrFinalEol() {
        byte[] raw = "Subject: no body".getBytes(StandardCharsets.US_ASCII);
        assertEquals("Subject: no body\r\n\r\n", get(raw, "", Text.HEADER_FIELDS, "subject"));
    }

    @Test
    void numberedPartsOfAMultipart() {
        byte[] raw = sample("alternative.eml");
        assertEquals("Hello =E2=82=AC\r\nsecond line", get(raw, "1", Text.ALL));
        assertEquals("<p>Hello</p>", get(raw, "2", Text.ALL));
        assertEquals("Content-Type: text/html; charset=utf-8\r\n\r\n", get(raw, "2", Text.MIME));
        assertEquals("", get(raw, "3", Text.ALL));
        assertEquals("", get(raw, "1.1", Text.ALL));
        assertEquals("", get(raw, "1", Text.HEADER), "HEADER needs a message/rfc822 part");
        assertEquals("", get(raw, "2", Text.TEXT));
    }

    @Test
    void nonMultipartMessageHasPartOne() {
        byte[] raw = sample("simple.eml");
        assertEquals("Hello Joe, do you think we can meet at 3:30 tomorrow?\r\n", get(raw, "1", Text.ALL));
        assertEquals(get(raw, "", Text.HEADER), get(raw, "1", Text.MIME));
        assertEquals("", get(raw, "2", Text.ALL));
    }

    @Test
    void nestedMessageParts() {
        String whole = get(NESTED, NESTED_MSG, "2", Text.ALL);
        assertEquals(true, whole.startsWith("From: Inner Sender <inner@example.com>\r\n"));
        assertEquals(true, whole.endsWith("--b2--"));
        assertEquals("Content-Type: message/rfc822\r\n\r\n", get(NESTED, NESTED_MSG, "2", Text.MIME));
        String header = get(NESTED, NESTED_MSG, "2", Text.HEADER);
        assertEquals(true, header.startsWith("From: Inner Sender") && header.endsWith("boundary=\"b2\"\r\n\r\n"));
        assertEquals(whole, header + get(NESTED, NESTED_MSG, "2", Text.TEXT));
        assertEquals("Subject: inner\r\nReferences: <root@example.com>\r\n <parent@example.com>\r\n\r\n",
                get(NESTED, NESTED_MSG, "2", Text.HEADER_FIELDS, "subject", "references"));
        assertEquals("inner text", get(NESTED, NESTED_MSG, "2.1", Text.ALL));
        assertEquals("<b>inner</b>", get(NESTED, NESTED_MSG, "2.2", Text.ALL));
        assertEquals("Content-Type: text/html\r\n\r\n", get(NESTED, NESTED_MSG, "2.2", Text.MIME));
        assertEquals("", get(NESTED, NESTED_MSG, "2.3", Text.ALL));
        assertEquals("Forwarded message below.", get(NESTED, NESTED_MSG, "1", Text.ALL));
    }

    @Test
    void nestedNonMultipartMessage() {
        byte[] raw = crlf("Subject: outer", "Content-Type: message/rfc822", "", "Subject: inner", "", "inner body");
        assertEquals("Subject: inner\r\n\r\ninner body", get(raw, "1", Text.ALL));
        assertEquals("Subject: inner\r\n\r\n", get(raw, "1", Text.HEADER));
        assertEquals("inner body", get(raw, "1.1", Text.ALL));
        assertEquals("inner body", get(raw, "1", Text.TEXT));
    }

    @Test
    void bareLfMessagesKeepTheirOctets() {
        byte[] raw = sample("bare-lf.eml");
        assertEquals("Subject: lf\n\r\n", get(raw, "", Text.HEADER_FIELDS, "Subject"));
        assertEquals("one\ntwo", get(raw, "1", Text.ALL));
        assertEquals("Content-Type: text/plain\n\n", get(raw, "1", Text.MIME));
        assertEquals("three", get(raw, "2", Text.ALL));
        assertEquals("\n", get(raw, "2", Text.MIME), "a part without header fields has only the blank line");
    }

    @Test
    void partialRanges() {
        byte[] s = "0123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals("0123456789", ascii(BodySections.partial(s, null, null)));
        assertEquals("234", ascii(BodySections.partial(s, 2L, 3L)));
        assertEquals("89", ascii(BodySections.partial(s, 8L, 100L)));
        assertEquals("", ascii(BodySections.partial(s, 10L, 1L)));
        assertEquals("", ascii(BodySections.partial(s, 50L, 1L)));
        assertEquals("9", ascii(BodySections.partial(s, 9L, Long.MAX_VALUE)));
    }
}
