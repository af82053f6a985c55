package org.atrium.connector.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** GETQUOTA, GETQUOTAROOT and SETQUOTA parsing (RFC 9208 §7 formal syntax). */
class QuotaCommandParsersTest {

    private final ImapCommandParsers parsers = new ImapCommandParsers(ImapRequestLimits.DEFAULTS);

    private ImapCommandParsers.Result parse(String tag, String name, String args) {
        return parsers.parse(ImapCommandLine.of(tag, name, args), false);
    }

    private ImapRequest ok(String name, String args) {
        ImapCommandParsers.Result r = parse("t", name, args);
        return assertInstanceOf(ImapCommandParsers.Result.Parsed.class, r, r::toString).request();
    }

    private String bad(String name, String args) {
        ImapCommandParsers.Result r = parse("t", name, args);
        ImapCommandParsers.Result.Bad b = assertInstanceOf(ImapCommandParsers.Result.Bad.class, r, r::toString);
        assertTrue(!b.message().endsWith("invalid arguments"), "a parser threw: " + b);
        return b.message();
    }

    @Test
    void getQuota() {
        assertEquals(new GetQuotaRequest("t", ""), ok("GETQUOTA", " \"\""));
        assertEquals(new GetQuotaRequest("t", "user"), ok("GETQUOTA", " user"));
        bad("GETQUOTA", "");
        bad("GETQUOTA", " a b");
    }

    @Test
    void getQuotaRoot() {
        assertEquals(new GetQuotaRootRequest("t", MailboxName.INBOX), ok("GETQUOTAROOT", " inbox"));
        bad("GETQUOTAROOT", "");
    }

    @Test
    void setQuota() {
        SetQuotaRequest r = (SetQuotaRequest) ok("SETQUOTA", " \"\" (STORAGE 512 MESSAGE 1000)");
        assertEquals("", r.root());
        assertEquals(Map.of("STORAGE", 512L, "MESSAGE", 1000L), r.limits());
        assertEquals(Map.of(), ((SetQuotaRequest) ok("SETQUOTA", " \"\" ()")).limits());
        bad("SETQUOTA", " \"\" (STORAGE)");
        bad("SETQUOTA", " \"\" (STORAGE x)");
        bad("SETQUOTA", " \"\"");
    }
}
