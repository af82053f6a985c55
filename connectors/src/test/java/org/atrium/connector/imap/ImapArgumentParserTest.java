package org.atrium.connector.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImapArgumentParserTest {

    private static ImapArgumentParser args(String text) {
        return new ImapArgumentParser(ImapCommandLine.of("a", "X", text), false, 4);
    }

    @Test
    void atomsQuotedStringsAndNil() throws Exception {
        ImapArgumentParser p = args("abc \"a \\\"q\\\" \\\\b\" NIL nil] x");
        assertEquals("abc", p.atom());
        p.sp();
        assertEquals("a \"q\" \\b", p.astring());
        p.sp();
        assertNull(p.nstring());
        p.sp();
        assertTrue(p.tryNil());
        assertEquals("]", p.astring(), "']' is an ASTRING-CHAR");
        p.sp();
        assertEquals("x", p.astring());
        p.end();
    }

    @Test
    void quotedStringErrors() {
        for (String bad : new String[] {"\"abc", "\"a\\x\"", "\"a\\\"", "\"\u00e9\""}) {
            assertThrows(ImapSyntaxException.class, () -> args(bad).astring(), bad);
        }
    }

    @Test
    void eightBitQuotedIsUtf8OnlyWhenEnabled() throws Exception {
        ImapCommandLine c = ImapCommandLine.of("a", "X", "\"Gr\u00fc\u00dfe\"");
        assertEquals("Gr\u00fc\u00dfe", new ImapArgumentParser(c, true, 4).astring());
        assertThrows(ImapSyntaxException.class, () -> new ImapArgumentParser(c, false, 4).astring());
        ImapCommandLine latin1 = new ImapCommandLine("a", "X", List.of(new byte[] {'"', (byte) 0xe9, '"'}),
                List.of());
        assertThrows(ImapSyntaxException.class, () -> new ImapArgumentParser(latin1, true, 4).astring());
    }

    @Test
    void literalsAreReadWhereTheyWereSpliced() throws Exception {
        ImapCommandLine c = new ImapCommandLine("a", "X", List.of(" ".getBytes(), " ".getBytes(), new byte[0]),
                List.of(new ImapCommandLine.Literal("fr\u00e9d".getBytes(StandardCharsets.UTF_8), false),
                        new ImapCommandLine.Literal(new byte[] {0, 1}, true)));
        ImapArgumentParser p = new ImapArgumentParser(c, false, 4);
        p.sp();
        assertTrue(p.atLiteral());
        assertEquals("fr\u00e9d", p.astring());
        p.sp();
        assertThrows(ImapSyntaxException.class, () -> p.literal(false));
        assertEquals(2, p.literal(true).data().length);
        p.end();
    }

    @Test
    void nulInALiteralIsRefused() {
        ImapCommandLine c = new ImapCommandLine("a", "X", List.of(new byte[0], new byte[0]),
                List.of(new ImapCommandLine.Literal(new byte[] {'a', 0}, false)));
        assertThrows(ImapSyntaxException.class, () -> new ImapArgumentParser(c, false, 4).astring());
    }

    @Test
    void numbers() throws Exception {
        assertEquals(4294967295L, args("4294967295").number());
        assertThrows(ImapSyntaxException.class, () -> args("4294967296").number());
        assertThrows(ImapSyntaxException.class, () -> args("0").nzNumber());
        assertEquals(Long.MAX_VALUE, args("9223372036854775807").number64());
        assertThrows(ImapSyntaxException.class, () -> args("9223372036854775808").number64());
        assertThrows(ImapSyntaxException.class, () -> args("x").number());
    }

    @Test
    void mailboxesAndPatterns() throws Exception {
        assertEquals(MailboxName.INBOX, args("inbox").mailbox());
        assertEquals("Inboxes", args("Inboxes").mailbox().name());
        assertEquals("~/Mail/%*", args("~/Mail/%*").listMailbox());
        assertThrows(ImapSyntaxException.class, () -> {
            ImapArgumentParser p = args("a%");
            p.mailbox();
            p.end();
        });
        assertThrows(ImapSyntaxException.class, () -> args("(x)").listMailbox());
    }

    @Test
    void flags() throws Exception {
        assertEquals(List.of("\\Seen", "\\Deleted", "$Forwarded", "\\X-Ext"),
                args("(\\seen \\DELETED $Forwarded \\X-Ext)").flagList());
        assertEquals(List.of(), args("()").flagList());
        assertThrows(ImapSyntaxException.class, () -> args("(\\Recent)").flagList());
        assertThrows(ImapSyntaxException.class, () -> args("(\\Seen ").flagList());
        assertThrows(ImapSyntaxException.class, () -> args("(\\Seen  x)").flagList());
    }

    @Test
    void datesAndDateTimes() throws Exception {
        assertEquals(LocalDate.of(1994, 2, 1), args("1-Feb-1994").date());
        assertEquals(LocalDate.of(1994, 2, 1), args("\"01-feb-1994\"").date());
        assertThrows(ImapSyntaxException.class, () -> args("30-Feb-1994").date());
        assertThrows(ImapSyntaxException.class, () -> args("1-Foo-1994").date());
        assertThrows(ImapSyntaxException.class, () -> args("1994-02-01").date());
        assertThrows(ImapSyntaxException.class, () -> args("+1-Feb-1994").date());
        assertThrows(ImapSyntaxException.class, () -> args("1-Feb-+994").date());
        assertThrows(ImapSyntaxException.class, () -> args("\"1-Feb-1994").date());
        assertEquals(OffsetDateTime.of(1994, 2, 7, 21, 52, 25, 0, ZoneOffset.ofHours(-8)),
                args("\" 7-Feb-1994 21:52:25 -0800\"").dateTime());
        assertEquals(OffsetDateTime.of(2024, 12, 17, 9, 5, 0, 0, ZoneOffset.ofHoursMinutes(5, 30)),
                args("\"17-Dec-2024 09:05:00 +0530\"").dateTime());
        for (String bad : new String[] {"\"7-Feb-1994 21:52:25\"", "\"7-Feb-1994 25:00:00 +0000\"",
                "\"7-Feb-1994 21:52:25 +0060\"", "7-Feb-1994", "\"7-Feb-94 21:52:25 +0000\""}) {
            assertThrows(ImapSyntaxException.class, () -> args(bad).dateTime(), bad);
        }
    }

    @Test
    void nestingDepthIsBounded() throws Exception {
        ImapArgumentParser p = args("((((x))))");
        for (int i = 0; i < 4; i++) {
            p.openList();
        }
        ImapArgumentParser q = args("(((((x)))))");
        for (int i = 0; i < 4; i++) {
            q.openList();
        }
        assertThrows(ImapSyntaxException.class, q::openList);
    }

    @Test
    void separatorsAreExact() {
        assertThrows(ImapSyntaxException.class, () -> {
            ImapArgumentParser p = args("a  b");
            p.atom();
            p.sp();
            p.atom();
        });
        assertThrows(ImapSyntaxException.class, () -> {
            ImapArgumentParser p = args("a ");
            p.atom();
            p.more();
            p.atom();
        });
    }
}
