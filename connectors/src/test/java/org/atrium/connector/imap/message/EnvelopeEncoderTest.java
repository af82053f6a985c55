package org.atrium.connector.imap.message;

import static org.atrium.connector.imap.message.TestMessages.crlf;
import static org.atrium.connector.imap.message.TestMessages.parse;
import static org.atrium.connector.imap.message.TestMessages.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.atrium.connector.mime.Envelope;
import org.atrium.connector.mime.MimeAddress;
import org.junit.jupiter.api.Test;

class EnvelopeEncoderTest {

    private static String encode(Envelope e) {
        ImapResponseBuilder out = new ImapResponseBuilder();
        EnvelopeEncoder.write(e, out);
        return out.toString();
    }

    /** The example of RFC 3501 §8 (FETCH 12 ENVELOPE), minus the Sender/Reply-To the sample does not carry. */
    @Test
    void rfc3501Example() {
        assertEquals("(\"Mon, 7 Feb 1994 21:52:25 -0800 (PST)\" \"afternoon meeting\" "
                + "((\"Fred Foobar\" NIL \"foobar\" \"Blurdybloop.example\")) "
                + "((\"Fred Foobar\" NIL \"foobar\" \"Blurdybloop.example\")) "
                + "((\"Fred Foobar\" NIL \"foobar\" \"Blurdybloop.example\")) "
                + "((NIL NIL \"mooch\" \"owatagu.siam.edu.example\")) NIL NIL NIL "
                + "\"<B27397-0100000@Blurdybloop.example>\")", encode(parse(sample("simple.eml")).envelope()));
    }

    @Test
    void senderAndReplyToDefaultToFromButKeepTheirOwn() {
        String s = encode(parse(crlf("From: a@x.example", "Sender: s@x.example", "Reply-To: ", "Subject: t", "",
                "b")).envelope());
        assertEquals("(NIL \"t\" ((NIL NIL \"a\" \"x.example\")) ((NIL NIL \"s\" \"x.example\")) "
                + "((NIL NIL \"a\" \"x.example\")) NIL NIL NIL NIL NIL)", s);
    }

    @Test
    void groupsUseRfc3501GroupSyntax() {
        String s = encode(parse(sample("group.eml")).envelope());
        assertEquals("(NIL \"groups\" ((NIL NIL \"list\" \"example.org\")) ((NIL NIL \"list\" \"example.org\")) "
                + "((NIL NIL \"list\" \"example.org\")) ((NIL NIL \"Team\" NIL)(NIL NIL \"alice\" \"example.org\")"
                + "(\"Bob\" NIL \"bob\" \"example.org\")(NIL NIL NIL NIL)(NIL NIL \"carol\" \"example.org\")) "
                + "((NIL NIL \"Undisclosed recipients\" NIL)(NIL NIL NIL NIL)) NIL NIL NIL)", s);
    }

    @Test
    void encodedWordsStayRawAsRfc3501Requires() {
        String s = encode(parse(sample("encoded-words.eml")).envelope());
        assertEquals(true, s.contains("\"=?UTF-8?Q?Gr=C3=BC=C3=9Fe_aus_M=C3=BCnchen?= and =?ISO-8859-1?B?ZOlq4A==?=\""),
                s);
        assertEquals(true, s.contains("((\"=?UTF-8?B?SsO8cmdlbiBNw7xsbGVy?=\" NIL \"juergen\" \"example.de\"))"), s);
    }

    @Test
    void eightBitAndQuotesAndMissingDomain() {
        Envelope e = new Envelope(null, "caf\u00e9 \"q\"", List.of(MimeAddress.mailbox("Na\\me", "root", null)),
                List.of(), List.of(MimeAddress.invalid("")), List.of(MimeAddress.invalid("junk text")), List.of(),
                List.of(), "<a@b>", null);
        assertEquals("(NIL {9}\r\ncaf\u00e9 \"q\" ((\"Na\\\\me\" NIL \"root\" \"\")) NIL NIL "
                + "((NIL NIL \"junk text\" \"\")) NIL NIL \"<a@b>\" NIL)", encode(e));
        ImapResponseBuilder utf8 = new ImapResponseBuilder(true);
        EnvelopeEncoder.write(e, utf8);
        assertEquals(true, utf8.toString().startsWith("(NIL \"caf\u00e9 \\\"q\\\"\" "), utf8.toString());
    }
}
