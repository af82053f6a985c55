package org.atrium.connector.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageParserTest {
    static final String[] SAMPLES = {"simple.eml", "alternative.eml", "mixed-attachment.eml", "nested-rfc822.eml",
            "encoded-words.eml", "group.eml", "no-date.eml", "bad-date.eml", "missing-final-boundary.eml",
            "no-headers.eml", "header-without-colon.eml", "eight-bit-headers.eml", "bare-lf.eml"};

    private final MessageParser parser = new MessageParser();

    static byte[] sample(String name) throws IOException {
        try (InputStream in = MessageParserTest.class.getResourceAsStream("/mime/" + name)) {
            assertNotNull(in, name);
            return in.readAllBytes();
        }
    }

    static String slice(byte[] raw, long from, long to) {
        return new String(Arrays.copyOfRange(raw, (int) from, (int) to), StandardCharsets.UTF_8);
    }

    static String header(byte[] raw, MimePart p) {
        return slice(raw, p.headerStart(), p.bodyStart());
    }

    static String body(byte[] raw, MimePart p) {
        return slice(raw, p.bodyStart(), p.bodyEnd());
    }

    ParsedMessage parse(byte[] raw) throws IOException {
        ParsedMessage m = parser.parse(new ByteArrayInputStream(raw));
        assertEquals(raw.length, m.size());
        OffsetInvariants.check(raw, m);
        return m;
    }

    ParsedMessage parse(String crlfText) throws IOException {
        return parse(crlfText.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void simpleTextMessage() throws IOException {
        byte[] raw = sample("simple.eml");
        ParsedMessage m = parse(raw);
        assertFalse(m.malformed());
        assertEquals(9, m.lineCount());
        MimePart b = m.body();
        assertEquals("text", b.type());
        assertEquals("plain", b.subtype());
        assertEquals(List.of(new MimeParam("charset", "US-ASCII")), b.params());
        assertEquals("7bit", b.encoding());
        assertEquals(1, b.bodyLines());
        assertEquals("Hello Joe, do you think we can meet at 3:30 tomorrow?\r\n", body(raw, b));
        assertTrue(header(raw, b).startsWith("Date: Mon, 7 Feb 1994"));
        assertTrue(header(raw, b).endsWith("CHARSET=US-ASCII\r\n\r\n"));
        Envelope e = m.envelope();
        assertEquals("Mon, 7 Feb 1994 21:52:25 -0800 (PST)", e.date());
        assertEquals(Instant.parse("1994-02-08T05:52:25Z"), m.headers().dateTime());
        assertEquals("afternoon meeting", e.subject());
        assertEquals(List.of(MimeAddress.mailbox("Fred Foobar", "foobar", "Blurdybloop.example")), e.from());
        assertEquals(e.from(), e.sender());
        assertEquals(e.from(), e.replyTo());
        assertEquals(List.of(MimeAddress.mailbox(null, "mooch", "owatagu.siam.edu.example")), e.to());
        assertEquals(List.of(), e.cc());
        assertEquals(List.of(), e.bcc());
        assertNull(e.inReplyTo());
        assertEquals("<B27397-0100000@Blurdybloop.example>", e.messageId());
    }

    @Test
    void defaultsWithoutContentType() throws IOException {
        ParsedMessage m = parse("Subject: x\r\n\r\nbody");
        assertEquals("text", m.body().type());
        assertEquals("us-ascii", m.body().charset());
        assertEquals("7bit", m.body().encoding());
        assertEquals(1, m.body().bodyLines());
        assertEquals(4, m.body().bodySize());
        assertEquals(3, m.lineCount());
    }

    @Test
    void multipartAlternative() throws IOException {
        byte[] raw = sample("alternative.eml");
        ParsedMessage m = parse(raw);
        assertFalse(m.malformed());
        MimePart root = m.body();
        assertEquals("multipart", root.type());
        assertEquals("alternative", root.subtype());
        assertEquals("alt-1", root.boundary());
        assertEquals(2, root.children().size());
        MimePart plain = root.children().get(0);
        assertEquals("quoted-printable", plain.encoding());
        assertEquals("utf-8", plain.charset());
        assertEquals("Hello =E2=82=AC\r\nsecond line", body(raw, plain));
        assertEquals(2, plain.bodyLines());
        assertEquals("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n",
                header(raw, plain));
        MimePart html = root.children().get(1);
        assertEquals("html", html.subtype());
        assertEquals("<p>Hello</p>", body(raw, html));
        assertEquals(1, html.bodyLines());
        assertTrue(body(raw, root).startsWith("This is a preamble.\r\n--alt-1\r\n"));
        assertTrue(body(raw, root).endsWith("--alt-1--\r\nepilogue\r\n"));
    }

    @Test
    void mixedWithAttachmentAndRfc2231Parameters() throws IOException {
        byte[] raw = sample("mixed-attachment.eml");
        ParsedMessage m = parse(raw);
        assertFalse(m.malformed());
        MimePart att = m.body().children().get(1);
        assertEquals("application", att.type());
        assertEquals("pdf", att.subtype());
        assertEquals("report.pdf", att.parameter("name"));
        assertEquals("base64", att.encoding());
        assertEquals("<part2@example.org>", att.id());
        assertEquals("Quarterly report", att.description());
        assertEquals("attachment", att.disposition());
        assertEquals(List.of(new MimeParam("filename*0*", "UTF-8''Rapport%20tr%C3%A8s%20"),
                new MimeParam("filename*1*", "long.pdf"), new MimeParam("size", "1234")), att.dispositionParams());
        assertEquals("Rapport très long.pdf", att.dispositionParameter("filename"));
        assertEquals(List.of("fr", "en"), att.language());
        assertEquals("Q2hlY2sgSW50ZWdyaXR5IQ==", att.md5());
        assertEquals("http://example.org/report.pdf", att.location());
        assertEquals("JVBERi0xLjQKJcfsj6IKNSAwIG9iago8PC9MZW5ndGggNiAwIFI+PgpzdHJlYW0K", body(raw, att));
        assertEquals(64, att.bodySize());
        assertTrue(header(raw, att).startsWith("Content-Type: application/pdf"));
        assertEquals("See attached.", body(raw, m.body().children().get(0)));
    }

    @Test
    void nestedMessageWithItsOwnMultipart() throws IOException {
        byte[] raw = sample("nested-rfc822.eml");
        ParsedMessage m = parse(raw);
        assertFalse(m.malformed());
        MimePart rfc822 = m.body().children().get(1);
        assertEquals("message", rfc822.type());
        assertEquals("rfc822", rfc822.subtype());
        assertTrue(rfc822.isMessage());
        Envelope inner = rfc822.message().envelope();
        assertEquals("inner", inner.subject());
        assertEquals(List.of(MimeAddress.mailbox("Inner Sender", "inner", "example.com")), inner.from());
        assertEquals(List.of(MimeAddress.mailbox(null, "other", "example.com")), inner.cc());
        assertEquals("<inner@example.com>", inner.messageId());
        assertEquals("<parent@example.com>", inner.inReplyTo());
        assertEquals(List.of("<root@example.com>", "<parent@example.com>"), rfc822.message().references());
        MimePart innerRoot = rfc822.messageBody();
        assertEquals(rfc822.bodyStart(), innerRoot.headerStart());
        assertEquals(rfc822.bodyEnd(), innerRoot.bodyEnd());
        assertTrue(header(raw, innerRoot).startsWith("From: Inner Sender"));
        assertEquals("alternative", innerRoot.subtype());
        assertEquals("inner text", body(raw, innerRoot.children().get(0)));
        assertEquals("<b>inner</b>", body(raw, innerRoot.children().get(1)));
        // BODY[2] of the outer message is the whole encapsulated message; its line count is IMAP's for rfc822
        String encapsulated = body(raw, rfc822);
        assertTrue(encapsulated.endsWith("--b2--"));
        assertEquals(encapsulated.split("\r\n", -1).length, rfc822.bodyLines());
        assertEquals("Fwd: inner", m.envelope().subject());
    }

    @Test
    void encodedWordsInSubjectAndNames() throws IOException {
        ParsedMessage m = parse(sample("encoded-words.eml"));
        MessageHeaders h = m.headers();
        assertEquals("=?UTF-8?Q?Gr=C3=BC=C3=9Fe_aus_M=C3=BCnchen?= and =?ISO-8859-1?B?ZOlq4A==?=", h.subject());
        assertEquals("Grüße aus München and déjà", h.decodedSubject());
        MimeAddress from = h.from().addresses().get(0);
        assertEquals("=?UTF-8?B?SsO8cmdlbiBNw7xsbGVy?=", from.name());
        assertEquals("Jürgen Müller", from.decodedName());
        assertEquals("juergen@example.de", from.address());
        List<MimeAddress> to = h.to().addresses();
        assertEquals("François Dupont", to.get(0).decodedName());
        assertEquals("Plain Name", to.get(1).name());
        assertEquals("José", h.cc().addresses().get(0).decodedName());
        assertTrue(h.to().decoded().startsWith("François Dupont <francois@example.fr>"));
    }

    @Test
    void eightBitAndEncodedWordParameters() throws IOException {
        byte[] raw = ("Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\n"
                + "Content-Type: application/octet-stream; name=\"=?UTF-8?B?w6ljb2xlLnR4dA==?=\"\r\n"
                + "Content-Disposition: attachment; filename=\"r\u00e9sum\u00e9.txt\"\r\n\r\ndata\r\n--x--\r\n")
                .getBytes(StandardCharsets.UTF_8);
        MimePart p = parse(raw).body().children().get(0);
        assertEquals("école.txt", p.parameter("name"));
        assertEquals("résumé.txt", p.dispositionParameter("filename"));
    }

    @Test
    void missingAndMalformedDate() throws IOException {
        ParsedMessage none = parse(sample("no-date.eml"));
        assertNull(none.headers().date());
        assertNull(none.headers().dateTime());
        assertNull(none.envelope().date());
        ParsedMessage bad = parse(sample("bad-date.eml"));
        assertEquals("yesterday at noon", bad.envelope().date());
        assertNull(bad.headers().dateTime());
    }

    @Test
    void groupSyntax() throws IOException {
        ParsedMessage m = parse(sample("group.eml"));
        assertEquals(List.of(MimeAddress.groupStart("Team"), MimeAddress.mailbox(null, "alice", "example.org"),
                MimeAddress.mailbox("Bob", "bob", "example.org"), MimeAddress.groupEnd(),
                MimeAddress.mailbox(null, "carol", "example.org")), m.envelope().to());
        assertEquals(List.of(MimeAddress.groupStart("Undisclosed recipients"), MimeAddress.groupEnd()),
                m.envelope().cc());
    }

    @Test
    void invalidAddressKeptAsText() throws IOException {
        ParsedMessage m = parse("From: <<<@@@>>>\r\nSender: \r\nTo: undisclosed-recipients\r\n\r\n");
        assertFalse(m.headers().from().addresses().isEmpty());
        assertEquals(m.envelope().from(), m.envelope().sender()); // empty Sender defaults to From
        MimeAddress to = m.envelope().to().get(0);
        assertTrue(to.kind() == MimeAddress.Kind.INVALID || to.domain() == null);
    }

    @Test
    void missingFinalBoundary() throws IOException {
        byte[] raw = sample("missing-final-boundary.eml");
        ParsedMessage m = parse(raw);
        assertTrue(m.malformed());
        assertEquals(2, m.body().children().size());
        assertEquals("part two, never closed\r\n", body(raw, m.body().children().get(1)));
        assertEquals(raw.length, m.body().bodyEnd());
    }

    @Test
    void noHeadersAtAll() throws IOException {
        byte[] raw = sample("no-headers.eml");
        ParsedMessage m = parse(raw);
        assertTrue(m.malformed());
        assertEquals(0, m.body().bodyStart());
        assertEquals(raw.length, m.body().bodySize());
        assertEquals("text", m.body().type());
        assertEquals(2, m.body().bodyLines());
        assertNull(m.envelope().subject());
    }

    @Test
    void headerLineWithoutColonIsSkipped() throws IOException {
        byte[] raw = sample("header-without-colon.eml");
        ParsedMessage m = parse(raw);
        assertTrue(m.malformed());
        assertEquals("still parsed", m.envelope().subject());
        assertEquals("body\r\n", body(raw, m.body()));
    }

    @Test
    void eightBitHeaderBytesUtf8ThenLatin1() throws IOException {
        ParsedMessage m = parse(sample("eight-bit-headers.eml"));
        assertEquals("Grüße", m.headers().subject());
        assertEquals("José", m.envelope().from().get(0).name());
        assertEquals("jose", m.envelope().from().get(0).localPart());
    }

    @Test
    void bareLfLineEnds() throws IOException {
        byte[] raw = sample("bare-lf.eml");
        ParsedMessage m = parse(raw);
        assertEquals("lf", m.envelope().subject());
        assertEquals(2, m.body().children().size());
        assertEquals("one\ntwo", body(raw, m.body().children().get(0)));
        assertEquals(2, m.body().children().get(0).bodyLines());
        assertEquals("three", body(raw, m.body().children().get(1)));
        assertEquals("\n", header(raw, m.body().children().get(1)));
    }

    @Test
    void emptyInputAndGarbage() throws IOException {
        ParsedMessage empty = parse(new byte[0]);
        assertEquals(0, empty.size());
        assertEquals(0, empty.lineCount());
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        parse(garbage);
        parse("Content-Type: multipart/mixed\r\n\r\nno boundary parameter\r\n");
        parse("Content-Type: multipart/mixed; boundary=x\r\n\r\n--x--\r\n");
        parse("Content-Type: /\r\nContent-Transfer-Encoding: \r\n\r\n");
        parse("Content-Type: message/rfc822\r\nContent-Transfer-Encoding: base64\r\n\r\nAAAA\r\n");
        parse("Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\nno header line\r\n--x");
    }

    @Test
    void multipartWithoutBoundaryDegradesToText() throws IOException {
        ParsedMessage m = parse("Content-Type: multipart/mixed\r\n\r\nhello\r\n");
        assertTrue(m.malformed());
        assertEquals("text", m.body().type());
        assertEquals("plain", m.body().subtype());
    }

    @Test
    void partHeaderWithoutBlankLineEndsAtBoundary() throws IOException {
        String text = "Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\nContent-Type: text/html\r\n--x\r\n"
                + "\r\nsecond\r\n--x--\r\n";
        byte[] raw = text.getBytes(StandardCharsets.US_ASCII);
        ParsedMessage m = parse(raw);
        assertTrue(m.malformed());
        MimePart first = m.body().children().get(0);
        assertEquals("html", first.subtype());
        assertEquals(0, first.bodySize());
        assertEquals("second", body(raw, m.body().children().get(1)));
    }

    @Test
    void outerBoundaryThatPrefixesInnerOne() throws IOException {
        String text = "Content-Type: multipart/mixed; boundary=ab\r\n\r\n--ab\r\n"
                + "Content-Type: multipart/alternative; boundary=abc\r\n\r\n--abc\r\n\r\ninner\r\n--abc--\r\n"
                + "--ab\r\n\r\nlast\r\n--ab--\r\n";
        byte[] raw = text.getBytes(StandardCharsets.US_ASCII);
        ParsedMessage m = parse(raw);
        assertFalse(m.malformed());
        assertEquals(2, m.body().children().size());
        assertEquals("inner", body(raw, m.body().children().get(0).children().get(0)));
        assertEquals("last", body(raw, m.body().children().get(1)));
    }

    @Test
    void depthLimit() throws IOException {
        StringBuilder sb = new StringBuilder();
        int depth = 40;
        for (int i = 0; i < depth; i++) {
            sb.append("Content-Type: multipart/mixed; boundary=b").append(i).append("\r\n\r\n--b").append(i)
                    .append("\r\n");
        }
        sb.append("\r\ndeep\r\n");
        for (int i = depth - 1; i >= 0; i--) {
            sb.append("--b").append(i).append("--\r\n");
        }
        byte[] raw = sb.toString().getBytes(StandardCharsets.US_ASCII);
        ParsedMessage m = new MessageParser(new MimeLimits(8, 1000, 16 * 1024, 1000))
                .parse(new ByteArrayInputStream(raw));
        OffsetInvariants.check(raw, m);
        assertTrue(m.malformed());
        MimePart p = m.body();
        int levels = 0;
        while (p.isMultipart()) {
            p = p.children().get(0);
            levels++;
        }
        assertEquals(8, levels);
        assertEquals("text", p.type()); // the rest is opaque
        assertEquals(raw.length, m.size());
        parse(raw); // default limits: parsed fully
    }

    @Test
    void partLimit() throws IOException {
        StringBuilder sb = new StringBuilder("Content-Type: multipart/mixed; boundary=p\r\n\r\n");
        for (int i = 0; i < 50; i++) {
            sb.append("--p\r\n\r\npart ").append(i).append("\r\n");
        }
        sb.append("--p--\r\n");
        byte[] raw = sb.toString().getBytes(StandardCharsets.US_ASCII);
        ParsedMessage m = new MessageParser(new MimeLimits(32, 10, 16 * 1024, 1000))
                .parse(new ByteArrayInputStream(raw));
        OffsetInvariants.check(raw, m);
        assertTrue(m.malformed());
        assertEquals(9, m.body().children().size());
        assertEquals(raw.length, m.body().bodyEnd());
        assertFalse(parse(raw).malformed());
        assertEquals(50, parse(raw).body().children().size());
    }

    @Test
    void headerFieldLengthLimit() throws IOException {
        String longSubject = "x".repeat(100_000);
        byte[] raw = ("Subject: " + longSubject + "\r\nFrom: a@b.example\r\n\r\nbody\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        ParsedMessage m = parse(raw);
        assertTrue(m.malformed());
        assertTrue(m.headers().subject().length() <= MimeLimits.DEFAULT.maxHeaderFieldLength());
        assertEquals("a@b.example", m.envelope().from().get(0).address());
        assertEquals("body\r\n", body(raw, m.body()));
    }

    @Test
    void fragmentedStreamGivesSameResult() throws IOException {
        for (String name : SAMPLES) {
            byte[] raw = sample(name);
            ParsedMessage whole = parser.parse(new ByteArrayInputStream(raw));
            ParsedMessage oneByte = parser.parse(new OneByteInputStream(raw));
            assertEquals(whole, oneByte, name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"simple.eml", "alternative.eml", "mixed-attachment.eml", "nested-rfc822.eml",
            "encoded-words.eml", "group.eml", "no-date.eml", "bad-date.eml", "missing-final-boundary.eml",
            "no-headers.eml", "header-without-colon.eml", "eight-bit-headers.eml", "bare-lf.eml"})
    void jsonRoundTrip(String name) throws IOException {
        ParsedMessage m = parse(sample(name));
        String json = m.toJson();
        assertEquals(m, ParsedMessage.fromJson(json), json);
        assertFalse(json.contains("null"), json);
    }

    /** Delivers one byte per read, as a slow socket would: CRLF pairs and boundaries get split. */
    static final class OneByteInputStream extends ByteArrayInputStream {
        OneByteInputStream(byte[] b) {
            super(b);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 1));
        }
    }
}
