package org.atrium.connector.imap.message;

import static org.atrium.connector.imap.message.TestMessages.crlf;
import static org.atrium.connector.imap.message.TestMessages.parse;
import static org.atrium.connector.imap.message.TestMessages.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.atrium.connector.mime.MimePart;
import org.junit.jupiter.api.Test;

class BodyStructureEncoderTest {

    private static String encode(MimePart p, boolean ext) {
        ImapResponseBuilder out = new ImapResponseBuilder();
        BodyStructureEncoder.write(p, ext, out);
        return out.toString();
    }

    /** RFC 3501 §7.4.2 BODY example shape: {@code ("TEXT" "PLAIN" ("CHARSET" "US-ASCII") NIL NIL "7BIT" 3028 92)}. */
    @Test
    void simpleText() {
        MimePart b = parse(sample("simple.eml")).body();
        assertEquals("(\"text\" \"plain\" (\"charset\" \"US-ASCII\") NIL NIL \"7BIT\" 55 1)", encode(b, false));
        assertEquals("(\"text\" \"plain\" (\"charset\" \"US-ASCII\") NIL NIL \"7BIT\" 55 1 NIL NIL NIL NIL)",
                encode(b, true));
    }

    /**
     * The shape of the RFC 3501 §7.4.2 BODYSTRUCTURE example, {@code (("TEXT" "PLAIN" ("CHARSET" "US-ASCII") NIL NIL
     * "7BIT" 1152 23)("TEXT" "PLAIN" ("CHARSET" "US-ASCII" "NAME" "cc.diff") "<960723163407.20117h@cac.washington.edu>"
     * "Compiler diff" "BASE64" 4554 73) "MIXED")}, with this message's sizes; IMAP compares these strings
     * case-insensitively.
     */
    @Test
    void rfc3501Example() {
        MimePart b = parse(crlf("Content-Type: MULTIPART/MIXED; BOUNDARY=\"b\"", "", "--b",
                "Content-Type: TEXT/PLAIN; CHARSET=US-ASCII", "", "line 1", "line 2", "--b",
                "Content-Type: TEXT/PLAIN; CHARSET=US-ASCII; NAME=cc.diff",
                "Content-ID: <960723163407.20117h@cac.washington.edu>", "Content-Description: Compiler diff",
                "Content-Transfer-Encoding: BASE64", "", "AAAA", "BBBB", "CCCC", "--b--", "")).body();
        assertEquals(("((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 14 2)(\"TEXT\" \"PLAIN\" "
                + "(\"CHARSET\" \"US-ASCII\" \"NAME\" \"cc.diff\") \"<960723163407.20117h@cac.washington.edu>\" "
                + "\"Compiler diff\" \"BASE64\" 16 3) \"MIXED\")").toUpperCase(java.util.Locale.ROOT),
                encode(b, false).toUpperCase(java.util.Locale.ROOT));
    }

    @Test
    void textWithoutCharsetGetsTheDefault() {
        MimePart b = parse(crlf("Content-Type: text/plain; format=flowed", "", "x")).body();
        assertEquals("(\"text\" \"plain\" (\"charset\" \"us-ascii\" \"format\" \"flowed\") NIL NIL \"7BIT\" 1 1)",
                encode(b, false));
        MimePart img = parse(crlf("Content-Type: image/png", "Content-Transfer-Encoding: base64", "", "AAAA")).body();
        assertEquals("(\"image\" \"png\" NIL NIL NIL \"BASE64\" 4)", encode(img, false));
    }

    @Test
    void multipartAlternative() {
        MimePart b = parse(sample("alternative.eml")).body();
        assertEquals("((\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"QUOTED-PRINTABLE\" 28 2)"
                + "(\"text\" \"html\" (\"charset\" \"utf-8\") NIL NIL \"7BIT\" 12 1) \"alternative\")",
                encode(b, false));
        assertEquals("((\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"QUOTED-PRINTABLE\" 28 2 NIL NIL NIL NIL)"
                + "(\"text\" \"html\" (\"charset\" \"utf-8\") NIL NIL \"7BIT\" 12 1 NIL NIL NIL NIL) \"alternative\" "
                + "(\"boundary\" \"alt-1\") NIL NIL NIL)", encode(b, true));
    }

    @Test
    void singlePartExtensionData() {
        MimePart b = parse(sample("mixed-attachment.eml")).body();
        assertEquals("((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7BIT\" 13 1 NIL NIL NIL NIL)"
                + "(\"application\" \"pdf\" (\"name\" \"report.pdf\") \"<part2@example.org>\" \"Quarterly report\" "
                + "\"BASE64\" 64 \"Q2hlY2sgSW50ZWdyaXR5IQ==\" (\"attachment\" (\"filename*0*\" "
                + "\"UTF-8''Rapport%20tr%C3%A8s%20\" \"filename*1*\" \"long.pdf\" \"size\" \"1234\")) (\"fr\" \"en\") "
                + "\"http://example.org/report.pdf\") \"mixed\" (\"boundary\" \"outer\") NIL NIL NIL)",
                encode(b, true));
    }

    @Test
    void nestedMessageHasEnvelopeBodyAndLines() {
        MimePart b = parse(sample("nested-rfc822.eml")).body();
        MimePart msg = b.children().get(1);
        String s = encode(msg, false);
        assertEquals("(\"message\" \"rfc822\" NIL NIL NIL \"7BIT\" " + msg.bodySize()
                + " (\"Mon, 31 Mar 2025 08:00:00 +0200\" \"inner\" "
                + "((\"Inner Sender\" NIL \"inner\" \"example.com\")) "
                + "((\"Inner Sender\" NIL \"inner\" \"example.com\")) "
                + "((\"Inner Sender\" NIL \"inner\" \"example.com\")) ((\"Someone\" NIL \"someone\" \"example.com\")) "
                + "((NIL NIL \"other\" \"example.com\")) NIL \"<parent@example.com>\" \"<inner@example.com>\") "
                + "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7BIT\" 10 1)"
                + "(\"text\" \"html\" (\"charset\" \"us-ascii\") NIL NIL \"7BIT\" 12 1) \"alternative\") "
                + msg.bodyLines() + ")", s);
        String whole = encode(b, true);
        assertEquals(true, whole.endsWith(" \"mixed\" (\"boundary\" \"b1\") NIL NIL NIL)"), whole);
        assertEquals(true, whole.contains("\"alternative\" (\"boundary\" \"b2\") NIL NIL NIL) " + msg.bodyLines()
                + " NIL NIL NIL NIL)"), whole);
    }

    @Test
    void dispositionLanguageSingleAndEightBitDescription() {
        MimePart b = parse(crlf("Content-Type: text/plain; charset=utf-8", "Content-Disposition: inline",
                "Content-Language: de", "Content-Description: Gr\u00fc\u00dfe", "", "x")).body();
        assertEquals("(\"text\" \"plain\" (\"charset\" \"utf-8\") NIL {7}\r\nGr\u00fc\u00dfe \"7BIT\" 1 1 NIL "
                + "(\"inline\" NIL) \"de\" NIL)", encode(b, true));
    }
}
