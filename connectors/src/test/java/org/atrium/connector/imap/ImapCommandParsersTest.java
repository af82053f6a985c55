package org.atrium.connector.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.atrium.connector.imap.FetchAttribute.Section;
import org.atrium.connector.imap.FetchAttribute.Simple;
import org.junit.jupiter.api.Test;

class ImapCommandParsersTest {

    private final ImapCommandParsers parsers = new ImapCommandParsers(ImapRequestLimits.DEFAULTS);

    /** The wire form, CRLF added per line, through the request reader then the registry. */
    private ImapCommandParsers.Result result(String... wireLines) {
        ImapRequestReaderTest.Host host = new ImapRequestReaderTest.Host(ImapRequestLimits.DEFAULTS);
        host.feed(String.join("\r\n", wireLines) + "\r\n");
        List<ImapCommandLine> commands = host.commands();
        assertEquals(1, commands.size(), () -> "steps: " + host.steps);
        return parsers.parse(commands.get(0), false);
    }

    private <T extends ImapRequest> T ok(Class<T> type, String... wireLines) {
        ImapCommandParsers.Result r = result(wireLines);
        ImapCommandParsers.Result.Parsed p = assertInstanceOf(ImapCommandParsers.Result.Parsed.class, r,
                () -> r.toString());
        return assertInstanceOf(type, p.request());
    }

    private String bad(String... wireLines) {
        ImapCommandParsers.Result r = result(wireLines);
        ImapCommandParsers.Result.Bad b = assertInstanceOf(ImapCommandParsers.Result.Bad.class, r,
                () -> String.join("|", wireLines) + " -> " + r);
        assertNotEquals(b.message().endsWith("invalid arguments"), true, "a parser threw: " + b);
        return b.message();
    }

    private static SequenceSet set(String s) throws ImapSyntaxException {
        return SequenceSet.parse(s, true);
    }

    @Test
    void rfc3501SampleSession() throws Exception {
        assertEquals(new LoginRequest("a001", "mrc", "secret"), ok(LoginRequest.class, "a001 login mrc secret"));
        assertEquals(new SelectRequest("a002", MailboxName.INBOX, false, false, null),
                ok(SelectRequest.class, "a002 select inbox"));
        FetchRequest full = ok(FetchRequest.class, "a003 fetch 12 full");
        assertEquals(List.of(Simple.FLAGS, Simple.INTERNALDATE, Simple.RFC822_SIZE, Simple.ENVELOPE, Simple.BODY),
                full.attributes());
        assertEquals(set("12"), full.set());
        FetchRequest header = ok(FetchRequest.class, "a004 fetch 12 body[header]");
        assertEquals(List.of(new FetchAttribute.Body(false, new Section(List.of(), Section.Text.HEADER, List.of()),
                null, null)), header.attributes());
        assertEquals(new StoreRequest("a005", false, set("12"), StoreRequest.Mode.ADD, false, List.of("\\Deleted"),
                null), ok(StoreRequest.class, "a005 store 12 +flags \\deleted"));
        assertEquals(new SimpleRequest("a006", SimpleCommand.LOGOUT), ok(SimpleRequest.class, "a006 logout"));
    }

    @Test
    void commandsWithoutArguments() {
        for (SimpleCommand c : SimpleCommand.values()) {
            assertEquals(new SimpleRequest("t", c), ok(SimpleRequest.class, "t " + c.name().toLowerCase()));
            assertEquals(c.name() + ": Unexpected extra arguments", bad("t " + c + " x"));
            bad("t " + c + " ");
        }
        assertEquals(new ExpungeRequest("A202", null), ok(ExpungeRequest.class, "A202 EXPUNGE"));
    }

    @Test
    void unknownCommandsAndUidPrefix() {
        assertEquals("Unknown command", bad("a FROB x"));
        assertEquals("UID: Unknown UID command", bad("a UID NOOP"));
        bad("a UID");
        bad("a UID FETCH");
    }

    @Test
    void loginAndAuthenticate() {
        assertEquals(new LoginRequest("a001", "SMITH", "SESAME"), ok(LoginRequest.class, "a001 LOGIN SMITH SESAME"));
        assertEquals(new LoginRequest("a", "fred foobar", "pa ss\"x"),
                ok(LoginRequest.class, "a LOGIN {11}", "fred foobar \"pa ss\\\"x\""));
        assertFalse(new LoginRequest("a", "u", "hunter2").toString().contains("hunter2"));
        bad("a LOGIN onlyuser");
        bad("a LOGIN u p extra");
        bad("a LOGIN u  p");
        bad("a LOGIN (u) p");
        assertEquals(new AuthenticateRequest("A001", "GSSAPI", null),
                ok(AuthenticateRequest.class, "A001 AUTHENTICATE gssapi"));
        assertEquals(new AuthenticateRequest("a", "PLAIN", "AGJvYgBzZWNyZXQ="),
                ok(AuthenticateRequest.class, "a AUTHENTICATE PLAIN AGJvYgBzZWNyZXQ="));
        assertEquals(new AuthenticateRequest("a", "PLAIN", ""), ok(AuthenticateRequest.class, "a AUTHENTICATE PLAIN ="));
        bad("a AUTHENTICATE PLAIN AGJ");
        bad("a AUTHENTICATE");
    }

    @Test
    void mailboxCommands() {
        assertEquals(new SelectRequest("A932", new MailboxName("blurdybloop"), true, false, null),
                ok(SelectRequest.class, "A932 EXAMINE blurdybloop"));
        assertEquals(new CreateRequest("A003", new MailboxName("owatagusiam/")),
                ok(CreateRequest.class, "A003 CREATE owatagusiam/"));
        assertEquals(new DeleteRequest("A683", new MailboxName("blurdybloop")),
                ok(DeleteRequest.class, "A683 DELETE blurdybloop"));
        assertEquals(new RenameRequest("A683", new MailboxName("blurdybloop"), new MailboxName("sarasoop")),
                ok(RenameRequest.class, "A683 RENAME blurdybloop sarasoop"));
        assertEquals(new SubscribeRequest("A002", new MailboxName("#news.comp.mail.mime")),
                ok(SubscribeRequest.class, "A002 SUBSCRIBE #news.comp.mail.mime"));
        assertEquals(new UnsubscribeRequest("A002", new MailboxName("#news.comp.mail.mime")),
                ok(UnsubscribeRequest.class, "A002 UNSUBSCRIBE \"#news.comp.mail.mime\""));
        assertEquals(new LsubRequest("A002", new MailboxName("#news."), "comp.mail.*"),
                ok(LsubRequest.class, "A002 LSUB \"#news.\" \"comp.mail.*\""));
        assertEquals(new StatusRequest("A042", new MailboxName("blurdybloop"),
                List.of(StatusItem.UIDNEXT, StatusItem.MESSAGES)),
                ok(StatusRequest.class, "A042 STATUS blurdybloop (UIDNEXT MESSAGES)"));
        assertEquals(MailboxName.INBOX, ok(CreateRequest.class, "a CREATE {5}", "InBoX").mailbox());
        bad("a CREATE");
        bad("a RENAME a");
        bad("a DELETE a b");
        bad("a CREATE a%");
        bad("a STATUS x ()");
        bad("a STATUS x (MESSAGES FOO)");
        bad("a STATUS x MESSAGES");
    }

    @Test
    void selectParameters() throws Exception {
        assertTrue(ok(SelectRequest.class, "a SELECT INBOX (CONDSTORE)").condstore());
        SelectRequest q = ok(SelectRequest.class,
                "A02 SELECT INBOX (QRESYNC (67890007 20050715194045000 41,43:211,214:541))");
        assertEquals(new SelectRequest.Qresync(67890007, 20050715194045000L, set("41,43:211,214:541"), null, null),
                q.qresync());
        SelectRequest q2 = ok(SelectRequest.class,
                "B02 SELECT INBOX (QRESYNC (67890007 90060115194045000 1:29997 (5000,7500,9000,9990:9999 "
                        + "15000,22500,27000,29970,29973,29976,29979,29982,29985,29988,29991,29994,29997)))");
        assertEquals(set("5000,7500,9000,9990:9999"), q2.qresync().knownSequenceSet());
        assertEquals(new SelectRequest.Qresync(1, 2, null, null, null),
                ok(SelectRequest.class, "a SELECT x (QRESYNC (1 2))").qresync());
        bad("a SELECT INBOX (FOO)");
        bad("a SELECT INBOX ()");
        bad("a SELECT INBOX (CONDSTORE CONDSTORE)");
        bad("a SELECT INBOX (QRESYNC (0 2))");
        bad("a SELECT INBOX (QRESYNC (1 $))");
    }

    @Test
    void list() {
        assertEquals(new ListRequest("A101", new MailboxName(""), List.of(""), Set.of(), Set.of(), List.of()),
                ok(ListRequest.class, "A101 LIST \"\" \"\""));
        assertEquals(List.of("%"), ok(ListRequest.class, "A202 LIST ~/Mail/ %").patterns());
        assertEquals(new MailboxName("/usr/staff/jones"),
                ok(ListRequest.class, "A103 LIST /usr/staff/jones \"\"").reference());
        ListRequest ext = ok(ListRequest.class,
                "A02 LIST (SUBSCRIBED RECURSIVEMATCH) \"\" (\"INBOX\" Drafts%) RETURN (CHILDREN STATUS (MESSAGES UNSEEN))");
        assertEquals(Set.of("SUBSCRIBED", "RECURSIVEMATCH"), ext.selectionOptions());
        assertEquals(List.of("INBOX", "Drafts%"), ext.patterns());
        assertEquals(Set.of("CHILDREN", "STATUS"), ext.returnOptions());
        assertEquals(List.of(StatusItem.MESSAGES, StatusItem.UNSEEN), ext.statusItems());
        assertEquals(Set.of(), ok(ListRequest.class, "a LIST () \"\" * RETURN ()").returnOptions());
        bad("a LIST (RECURSIVEMATCH) \"\" *");
        bad("a LIST (FOO) \"\" *");
        bad("a LIST \"\" * (CHILDREN)");
        bad("a LIST \"\"");
        bad("a LIST \"\" ()");
    }

    @Test
    void append() {
        String msg = "Date: Mon, 7 Feb 1994 21:52:25 -0800\r\nSubject: afternoon meeting\r\n\r\nHello Joe\r\n";
        AppendRequest a = ok(AppendRequest.class, "A003 APPEND saved-messages (\\Seen) {" + msg.length() + "}",
                msg);
        assertEquals(new MailboxName("saved-messages"), a.mailbox());
        assertEquals(List.of("\\Seen"), a.flags());
        assertNull(a.internalDate());
        assertEquals(msg, new String(a.message()));
        AppendRequest d = ok(AppendRequest.class, "a APPEND INBOX \" 7-Feb-1994 21:52:25 -0800\" {1+}", "x");
        assertEquals(OffsetDateTime.of(1994, 2, 7, 21, 52, 25, 0, ZoneOffset.ofHours(-8)), d.internalDate());
        assertTrue(ok(AppendRequest.class, "a APPEND INBOX () ~{2}", "x\0").binary());
        bad("a APPEND INBOX \"message\"");
        bad("a APPEND INBOX");
        bad("a APPEND INBOX {1}", "x extra");
        bad("a APPEND INBOX \"32-Feb-1994 21:52:25 -0800\" {1}", "x");
        bad("a APPEND INBOX (\\Recent) {1}", "x");
    }

    @Test
    void copyMoveExpungeEnableId() throws Exception {
        assertEquals(new CopyRequest("A003", false, set("2:4"), new MailboxName("MEETING")),
                ok(CopyRequest.class, "A003 COPY 2:4 MEETING"));
        assertEquals(new MoveRequest("a", true, set("42:69"), new MailboxName("foo")),
                ok(MoveRequest.class, "a UID MOVE 42:69 foo"));
        assertEquals(new ExpungeRequest("A202", set("3000:3002")), ok(ExpungeRequest.class, "A202 UID EXPUNGE 3000:3002"));
        assertEquals(new EnableRequest("t2", List.of("CONDSTORE", "X-GOOD-IDEA")),
                ok(EnableRequest.class, "t2 ENABLE CONDSTORE X-GOOD-IDEA"));
        assertEquals(Map.of("name", "sodr", "version", "19.34"),
                ok(IdRequest.class, "a023 ID (\"name\" \"sodr\" \"version\" \"19.34\")").parameters());
        assertEquals(Map.of(), ok(IdRequest.class, "a ID NIL").parameters());
        assertTrue(ok(IdRequest.class, "a ID (\"os\" NIL)").parameters().containsKey("os"));
        bad("a COPY 0 x");
        bad("a COPY 1:2");
        bad("a UID EXPUNGE");
        bad("a ENABLE");
        bad("a ID (\"name\")");
        bad("a ID (\"" + "x".repeat(31) + "\" \"v\")");
    }

    @Test
    void fetchAttributes() throws Exception {
        FetchRequest f = ok(FetchRequest.class, "A654 FETCH 2:4 (FLAGS BODY[HEADER.FIELDS (DATE FROM)])");
        assertEquals(List.of(Simple.FLAGS, new FetchAttribute.Body(false,
                new Section(List.of(), Section.Text.HEADER_FIELDS, List.of("DATE", "FROM")), null, null)),
                f.attributes());
        assertEquals(List.of(Simple.FLAGS, Simple.INTERNALDATE, Simple.RFC822_SIZE, Simple.ENVELOPE),
                ok(FetchRequest.class, "a FETCH 1 ALL").attributes());
        assertEquals(List.of(Simple.FLAGS, Simple.INTERNALDATE, Simple.RFC822_SIZE),
                ok(FetchRequest.class, "a FETCH 1 fast").attributes());
        assertEquals(List.of(Simple.RFC822, Simple.RFC822_HEADER, Simple.RFC822_SIZE, Simple.RFC822_TEXT,
                Simple.ENVELOPE, Simple.BODY, Simple.BODYSTRUCTURE, Simple.UID, Simple.MODSEQ, Simple.INTERNALDATE),
                ok(FetchRequest.class, "a FETCH 1 (RFC822 RFC822.HEADER RFC822.SIZE RFC822.TEXT ENVELOPE BODY "
                        + "BODYSTRUCTURE UID MODSEQ INTERNALDATE)").attributes());
        FetchRequest parts = ok(FetchRequest.class,
                "a FETCH 1:* (BODY.PEEK[1.2.3]<0.2048> BODY[] BODY[2.MIME] BODY[3.1.TEXT] BODY[4.HEADER] "
                        + "BODY[HEADER.FIELDS.NOT (Received \"X-Spam\")] BODY[TEXT]<10.1>)");
        assertEquals(List.of(
                new FetchAttribute.Body(true, new Section(List.of(1, 2, 3), Section.Text.ALL, List.of()), 0L, 2048L),
                new FetchAttribute.Body(false, Section.WHOLE, null, null),
                new FetchAttribute.Body(false, new Section(List.of(2), Section.Text.MIME, List.of()), null, null),
                new FetchAttribute.Body(false, new Section(List.of(3, 1), Section.Text.TEXT, List.of()), null, null),
                new FetchAttribute.Body(false, new Section(List.of(4), Section.Text.HEADER, List.of()), null, null),
                new FetchAttribute.Body(false, new Section(List.of(), Section.Text.HEADER_FIELDS_NOT,
                        List.of("Received", "X-Spam")), null, null),
                new FetchAttribute.Body(false, new Section(List.of(), Section.Text.TEXT, List.of()), 10L, 1L)),
                parts.attributes());
        assertEquals(List.of(new FetchAttribute.Binary(true, List.of(1, 2), null, null),
                new FetchAttribute.BinarySize(List.of()), new FetchAttribute.Binary(false, List.of(), 0L, 5L)),
                ok(FetchRequest.class, "a FETCH 1 (BINARY.PEEK[1.2] BINARY.SIZE[] BINARY[]<0.5>)").attributes());
        FetchRequest uid = ok(FetchRequest.class, "A999 UID FETCH 4827313:4828442 FLAGS");
        assertTrue(uid.uid());
        assertEquals(set("4827313:4828442"), uid.set());
        FetchRequest cs = ok(FetchRequest.class, "s100 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 12345 VANISHED)");
        assertEquals(12345L, cs.changedSince());
        assertTrue(cs.vanished());
        assertEquals(0L, ok(FetchRequest.class, "a FETCH $ (FLAGS) (CHANGEDSINCE 0)").changedSince());
    }

    @Test
    void fetchErrors() {
        for (String args : new String[] {"1", "1 ", "1 FOO", "1 (FLAGS", "1 ()", "1 (FLAGS ALL)", "1 BODY.PEEK",
                "1 BODY[MIME]", "1 BODY[1.FOO]", "1 BODY[0]", "1 BODY[]<0.0>", "1 BODY[]<0>", "1 BODY[HEADER.FIELDS]",
                "1 BODY[HEADER.FIELDS ()]", "1 BODY[TEXT", "1 FLAGS (CHANGEDSINCE)", "1 FLAGS (VANISHED)",
                "1 FLAGS (CHANGEDSINCE 1 VANISHED)", "x FLAGS", "1 FLAGS  ", "1 (FLAGS  UID)"}) {
            bad("a FETCH " + args);
        }
    }

    @Test
    void store() throws Exception {
        assertEquals(new StoreRequest("A003", false, set("2:4"), StoreRequest.Mode.ADD, false, List.of("\\Deleted"),
                null), ok(StoreRequest.class, "A003 STORE 2:4 +FLAGS (\\Deleted)"));
        assertEquals(new StoreRequest("d105", false, set("7,5,9"), StoreRequest.Mode.ADD, true,
                List.of("\\Deleted"), 320162338L),
                ok(StoreRequest.class, "d105 STORE 7,5,9 (UNCHANGEDSINCE 320162338) +FLAGS.SILENT (\\Deleted)"));
        assertEquals(new StoreRequest("a", true, set("1"), StoreRequest.Mode.REMOVE, false,
                List.of("\\Seen", "$Junk"), null), ok(StoreRequest.class, "a UID STORE 1 -FLAGS \\Seen $Junk"));
        assertEquals(List.of(), ok(StoreRequest.class, "a STORE 1 FLAGS ()").flags());
        bad("a STORE 1 +FLAGS");
        bad("a STORE 1 LABELS (x)");
        bad("a STORE 1 (FOO 1) FLAGS (x)");
        bad("a STORE 1 *FLAGS (x)");
    }

    @Test
    void search() throws Exception {
        SearchRequest s = ok(SearchRequest.class, "A282 SEARCH FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\"");
        assertEquals(new SearchKey.And(List.of(SearchKey.Simple.FLAGGED,
                new SearchKey.Date(SearchKey.Date.DateKind.SINCE, LocalDate.of(1994, 2, 1)),
                new SearchKey.Not(new SearchKey.Text(SearchKey.Text.Field.FROM, "Smith")))), s.criteria());
        assertNull(s.returnOptions());
        assertNull(s.charset());
        SearchRequest lit = ok(SearchRequest.class, "A284 SEARCH CHARSET UTF-8 TEXT {6}", "XXXXXX");
        assertEquals("UTF-8", lit.charset());
        assertEquals(new SearchKey.Text(SearchKey.Text.Field.TEXT, "XXXXXX"), lit.criteria());
        SearchRequest or = ok(SearchRequest.class,
                "a UID SEARCH RETURN (MIN COUNT SAVE) OR (1:5 UID 7:*) NOT (SEEN DELETED) HEADER X-Foo \"\" "
                        + "LARGER 100 SMALLER 5000 KEYWORD $Junk UNKEYWORD $NotJunk BEFORE \"2-Mar-2020\" "
                        + "SENTON 3-Mar-2020 MODSEQ \"/flags/\\\\draft\" all 620162338 MODSEQ 5 OLDER 60 $ ANSWERED");
        assertTrue(or.uid());
        assertEquals(Set.of(SearchRequest.ReturnOption.MIN, SearchRequest.ReturnOption.COUNT,
                SearchRequest.ReturnOption.SAVE), or.returnOptions());
        List<SearchKey> keys = assertInstanceOf(SearchKey.And.class, or.criteria()).keys();
        assertEquals(new SearchKey.Or(
                new SearchKey.And(List.of(new SearchKey.Sequence(set("1:5")), new SearchKey.Uid(set("7:*")))),
                new SearchKey.Not(new SearchKey.And(List.of(SearchKey.Simple.SEEN, SearchKey.Simple.DELETED)))),
                keys.get(0));
        assertEquals(new SearchKey.Header("X-Foo", ""), keys.get(1));
        assertEquals(new SearchKey.Size(true, 100), keys.get(2));
        assertEquals(new SearchKey.Keyword("$NotJunk", false), keys.get(5));
        assertEquals(new SearchKey.Date(SearchKey.Date.DateKind.BEFORE, LocalDate.of(2020, 3, 2)), keys.get(6));
        assertEquals(new SearchKey.ModSeq("/flags/\\draft", "all", 620162338L), keys.get(8));
        assertEquals(new SearchKey.ModSeq(null, null, 5), keys.get(9));
        assertEquals(new SearchKey.Within(true, 60), keys.get(10));
        assertEquals(new SearchKey.Sequence(SequenceSet.SAVED), keys.get(11));
        assertEquals(13, keys.size());
        assertEquals(Set.of(), ok(SearchRequest.class, "a SEARCH RETURN () ALL").returnOptions());
        for (String simple : new String[] {"ALL", "ANSWERED", "DELETED", "DRAFT", "FLAGGED", "NEW", "OLD", "RECENT",
                "SEEN", "UNANSWERED", "UNDELETED", "UNDRAFT", "UNFLAGGED", "UNSEEN"}) {
            assertEquals(SearchKey.Simple.valueOf(simple), ok(SearchRequest.class, "a SEARCH " + simple).criteria());
        }
        for (String text : new String[] {"BCC", "BODY", "CC", "FROM", "SUBJECT", "TEXT", "TO"}) {
            ok(SearchRequest.class, "a SEARCH " + text + " x");
        }
        for (String date : new String[] {"BEFORE", "ON", "SINCE", "SENTBEFORE", "SENTON", "SENTSINCE"}) {
            ok(SearchRequest.class, "a SEARCH " + date + " 1-Jan-2000");
        }
    }

    @Test
    void searchErrors() {
        for (String args : new String[] {"", "FOO", "OR SEEN", "NOT", "(SEEN", "()", "SINCE 1994", "LARGER x",
                "UID", "CHARSET", "RETURN (FOO) ALL", "RETURN (MIN)", "HEADER X", "0", "SEEN  DELETED",
                "MODSEQ \"/flags/x\" bogus 5", "KEYWORD \\Seen"}) {
            bad("a SEARCH " + args);
        }
    }

    @Test
    void nestingDepthLimitCoversParenthesesNotAndOr() {
        int max = ImapRequestLimits.DEFAULTS.maxNestingDepth();
        ok(SearchRequest.class, "a SEARCH " + "NOT ".repeat(max) + "SEEN");
        assertEquals("SEARCH: Nesting too deep", bad("a SEARCH " + "NOT ".repeat(max + 1) + "SEEN"));
        bad("a SEARCH " + "(".repeat(max + 1) + "SEEN" + ")".repeat(max + 1));
        bad("a SEARCH " + "OR SEEN ".repeat(max + 1) + "SEEN");
        ImapCommandParsers.Result deep =
                parsers.parse(ImapCommandLine.of("a", "SEARCH", " " + "NOT ".repeat(100_000) + "SEEN"), false);
        assertEquals(new ImapCommandParsers.Result.Bad("a", "SEARCH: Nesting too deep"), deep);
    }

    @Test
    void utf8QuotedStringsFollowTheSession() {
        ImapCommandLine c = ImapCommandLine.of("a", "SEARCH", " SUBJECT \"\u00fcber\"");
        assertInstanceOf(ImapCommandParsers.Result.Bad.class, parsers.parse(c, false));
        ImapCommandParsers.Result r = parsers.parse(c, true);
        assertEquals(new SearchKey.Text(SearchKey.Text.Field.SUBJECT, "\u00fcber"),
                ((SearchRequest) ((ImapCommandParsers.Result.Parsed) r).request()).criteria());
    }

    @Test
    void randomInputNeverMakesAParserThrow() {
        String alphabet = " ()[]<>{}\"\\*%$:,.+-~0123456789ABCDEFHILMNOPRSTUXY";
        Random rnd = new Random(7);
        for (String name : parsers.commands()) {
            for (int i = 0; i < 300; i++) {
                StringBuilder sb = new StringBuilder(" ");
                int n = rnd.nextInt(30);
                for (int k = 0; k < n; k++) {
                    sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
                }
                ImapCommandParsers.Result r = parsers.parse(ImapCommandLine.of("t", name, sb.toString()), false);
                if (r instanceof ImapCommandParsers.Result.Bad b) {
                    assertFalse(b.message().endsWith("invalid arguments"), name + sb + " -> " + b);
                }
            }
        }
    }
}
