package org.atrium.connector.imap.message;

import static org.atrium.connector.imap.message.TestMessages.crlf;
import static org.atrium.connector.imap.message.TestMessages.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.atrium.connector.imap.ImapCommandLine;
import org.atrium.connector.imap.ImapCommandParsers;
import org.atrium.connector.imap.ImapRequestLimits;
import org.atrium.connector.imap.SearchKey;
import org.atrium.connector.imap.SearchRequest;
import org.atrium.connector.imap.SequenceSet;
import org.junit.jupiter.api.Test;

/** RFC 3501 §6.4.4 search keys, with the keys written as a client sends them. */
class SearchEvaluatorTest {

    private static final Instant NOW = Instant.parse("2025-04-02T12:00:00Z");
    private static final ZoneId UTC = ZoneOffset.UTC;

    /** Parses {@code keys} with the real SEARCH parser so the tests read like IMAP. */
    static SearchKey key(String keys) {
        ImapCommandParsers.Result r = new ImapCommandParsers(ImapRequestLimits.DEFAULTS)
                .parse(ImapCommandLine.of("t", "SEARCH", " " + keys), true);
        if (r instanceof ImapCommandParsers.Result.Parsed p) {
            return ((SearchRequest) p.request()).criteria();
        }
        throw new AssertionError(r);
    }

    private final SearchEvaluator eval = new SearchEvaluator(10, 100, Set.of(42L), NOW, UTC);

    private boolean matches(String keys, SearchCandidate m) throws IOException {
        return eval.matches(key(keys), m);
    }

    private static FakeCandidate flagged(long seq, long uid, boolean recent, String... flags) {
        return new FakeCandidate(seq, uid, Set.of(flags), recent, 7, null, null);
    }

    @Test
    void flagKeysReadNeitherDetailsNorContent() throws IOException {
        FakeCandidate seen = flagged(1, 11, false, "\\Seen", "\\Answered", "$Forwarded");
        FakeCandidate fresh = flagged(2, 12, true, "\\Flagged", "\\Deleted", "\\Draft");
        assertTrue(matches("ALL", seen));
        assertTrue(matches("SEEN ANSWERED UNFLAGGED UNDELETED UNDRAFT OLD", seen));
        assertFalse(matches("UNSEEN", seen));
        assertFalse(matches("NEW", seen));
        assertFalse(matches("RECENT", seen));
        assertTrue(matches("NEW RECENT UNSEEN UNANSWERED FLAGGED DELETED DRAFT", fresh));
        assertFalse(matches("OLD", fresh));
        assertFalse(matches("NEW", flagged(3, 13, true, "\\Seen")));
        assertTrue(matches("KEYWORD $forwarded", seen), "keywords compare case-insensitively");
        assertFalse(matches("UNKEYWORD $Forwarded", seen));
        assertTrue(matches("UNKEYWORD $Junk", seen));
        assertTrue(matches("NOT (SEEN FLAGGED)", seen));
        assertTrue(matches("OR FLAGGED SEEN", seen));
        assertFalse(matches("OR FLAGGED DRAFT", seen));
        assertEquals(0, seen.detailLoads.get() + seen.contentLoads.get() + fresh.detailLoads.get());
    }

    @Test
    void sequenceUidSavedAndModseq() throws IOException {
        FakeCandidate m = flagged(10, 42, false);
        assertTrue(matches("10", m));
        assertTrue(matches("*", m), "* is the highest sequence number, 10");
        assertTrue(matches("2:*", m));
        assertFalse(matches("1:9", m));
        assertTrue(matches("UID 40:45", m));
        assertFalse(matches("UID *", m), "* is UID 100");
        assertTrue(matches("UID 50:*", flagged(1, 100, false)));
        assertTrue(matches("UID $", m));
        assertTrue(matches("$", m));
        assertFalse(matches("UID $", flagged(1, 43, false)));
        assertTrue(matches("MODSEQ 7", m));
        assertFalse(matches("MODSEQ 8", m));
        assertTrue(matches("MODSEQ \"/flags/\\\\Seen\" all 5", m));
    }

    @Test
    void internalDatesInTheEvaluatorsZone() throws IOException {
        // 23:30 UTC on 1 April is already 2 April in Berlin (+02:00 in summer time)
        FakeCandidate m = FakeCandidate.of(1, Instant.parse("2025-04-01T23:30:00Z"), sample("simple.eml"));
        assertTrue(matches("ON 1-Apr-2025 SINCE 1-Apr-2025 BEFORE 2-Apr-2025", m));
        assertFalse(matches("SINCE 2-Apr-2025", m));
        SearchEvaluator berlin = new SearchEvaluator(1, 1, Set.of(), NOW, ZoneId.of("Europe/Berlin"));
        assertTrue(berlin.matches(key("ON 2-Apr-2025"), m));
        assertFalse(berlin.matches(key("BEFORE 2-Apr-2025"), m));
        assertEquals(0, m.contentLoads.get());
    }

    @Test
    void sentDatesDisregardTimeAndZone() throws IOException {
        // Date: Mon, 7 Feb 1994 21:52:25 -0800 is 8 Feb in UTC, but the header says 7 Feb
        FakeCandidate m = FakeCandidate.of(1, NOW, sample("simple.eml"));
        assertTrue(matches("SENTON 7-Feb-1994", m));
        assertTrue(matches("SENTSINCE 7-Feb-1994 SENTBEFORE 8-Feb-1994", m));
        assertFalse(matches("SENTON 8-Feb-1994", m));
        assertFalse(matches("SENTSINCE 8-Feb-1994", m));
        FakeCandidate gmt = FakeCandidate.of(2, NOW, crlf("Date: Sat, 1 Mar 2025 23:00:00 GMT", "", "x"));
        assertTrue(new SearchEvaluator(2, 2, Set.of(), NOW, ZoneId.of("Asia/Tokyo")).matches(key("SENTON 1-Mar-2025"),
                gmt));
        FakeCandidate none = FakeCandidate.of(3, NOW, sample("no-date.eml"));
        assertFalse(matches("SENTBEFORE 1-Jan-2100", none));
        assertFalse(matches("SENTSINCE 1-Jan-1970", none));
    }

    @Test
    void sizeAndWithin() throws IOException {
        byte[] raw = sample("simple.eml");
        FakeCandidate m = FakeCandidate.of(1, NOW.minusSeconds(3600), raw);
        assertTrue(matches("LARGER " + (raw.length - 1), m));
        assertFalse(matches("LARGER " + raw.length, m));
        assertTrue(matches("SMALLER " + (raw.length + 1), m));
        assertFalse(matches("SMALLER " + raw.length, m));
        assertTrue(matches("OLDER 3599", m));
        assertFalse(matches("OLDER 3600", m));
        assertTrue(matches("YOUNGER 3600", m));
        assertFalse(matches("YOUNGER 3599", m));
    }

    @Test
    void addressAndSubjectKeysOverDecodedText() throws IOException {
        FakeCandidate m = FakeCandidate.of(1, NOW, sample("encoded-words.eml"));
        assertTrue(matches("FROM \"J\u00fcrgen M\u00fcller\"", m));
        assertTrue(matches("FROM JUERGEN@EXAMPLE", m));
        assertTrue(matches("TO \"fran\u00e7ois\"", m));
        assertTrue(matches("CC \"jos\u00e9\"", m));
        assertTrue(matches("SUBJECT \"gr\u00fc\u00dfe aus\"", m));
        assertTrue(matches("SUBJECT \"D\u00c9J\u00c0\"", m), "case-insensitive beyond ASCII");
        assertFalse(matches("SUBJECT hello", m));
        assertFalse(matches("BCC x", m), "no Bcc header");
        assertTrue(matches("FROM \"\"", m));
        assertEquals(0, m.contentLoads.get());
    }

    @Test
    void headerKey() throws IOException {
        FakeCandidate m = FakeCandidate.of(1, NOW, crlf("Subject: s", "X-Spam-Flag: YES", "X-Long: first",
                "\tsecond =?UTF-8?Q?=C3=A9t=C3=A9?=", "Message-ID: <abc@x>", "", "body"));
        assertTrue(matches("HEADER X-Spam-Flag \"\"", m), "empty value: the field exists");
        assertFalse(matches("HEADER X-Other \"\"", m));
        assertTrue(matches("HEADER x-spam-flag yes", m));
        assertTrue(matches("HEADER X-Long \"first\tsecond \u00e9t\u00e9\"", m), "unfolded and decoded");
        assertTrue(matches("HEADER Message-ID abc@", m));
        assertFalse(matches("HEADER Message-ID zzz", m));
        assertFalse(matches("HEADER X-Spam-Flag body", m), "only the header is searched");
    }

    @Test
    void bodyKeyDecodesTransferEncodingAndCharset() throws IOException {
        FakeCandidate alt = FakeCandidate.of(1, NOW, sample("alternative.eml"));
        assertTrue(matches("BODY \"hello \u20ac\"", alt), "quoted-printable UTF-8");
        assertTrue(matches("BODY \"SECOND LINE\"", alt));
        assertFalse(matches("BODY preamble", alt), "the preamble is no text part");
        assertFalse(matches("BODY alt", alt), "headers are not body");
        byte[] b64 = crlf("Subject: x", "Content-Type: text/plain; charset=iso-8859-1",
                "Content-Transfer-Encoding: base64", "", "Q2Fm6SBjcuhtZQ==");
        FakeCandidate latin = FakeCandidate.of(2, NOW, b64);
        assertTrue(matches("BODY \"caf\u00e9 CR\u00c8ME\"", latin));
        FakeCandidate nested = FakeCandidate.of(3, NOW, sample("nested-rfc822.eml"));
        assertTrue(matches("BODY \"inner text\"", nested), "text of the encapsulated message");
        assertFalse(matches("BODY \"nowhere\"", nested));
        FakeCandidate pdf = FakeCandidate.of(4, NOW, sample("mixed-attachment.eml"));
        assertFalse(matches("BODY JVBERi0", pdf), "non-text parts are not searched");
        assertTrue(matches("BODY attached", pdf));
    }

    @Test
    void textKeySearchesHeaderAndBody() throws IOException {
        FakeCandidate m = FakeCandidate.of(1, NOW, sample("simple.eml"));
        assertTrue(matches("TEXT \"afternoon\"", m));
        assertTrue(matches("TEXT \"3:30 TOMORROW\"", m));
        assertTrue(matches("TEXT \"message-id: <B27397\"", m));
        assertFalse(matches("TEXT \"evening\"", m));
        assertTrue(matches("TEXT \"Hello Joe\"", m));
    }

    @Test
    void needsDetailsAndContentAreExact() {
        for (String k : List.of("ALL", "SEEN NOT DELETED", "OR NEW OLD", "KEYWORD x", "1:*", "UID 1:5", "$",
                "MODSEQ 5", "(FLAGGED UNSEEN)")) {
            assertFalse(SearchEvaluator.needsDetails(key(k)), k);
            assertFalse(SearchEvaluator.needsContent(key(k)), k);
        }
        for (String k : List.of("SINCE 1-Jan-2020", "SENTON 1-Jan-2020", "LARGER 5", "YOUNGER 5", "FROM x",
                "SUBJECT y", "HEADER Message-ID x", "HEADER REFERENCES x", "SEEN OR LARGER 5 SEEN")) {
            assertTrue(SearchEvaluator.needsDetails(key(k)), k);
            assertFalse(SearchEvaluator.needsContent(key(k)), k);
        }
        for (String k : List.of("BODY x", "TEXT x", "NOT BODY x", "OR SEEN TEXT y", "SEEN (HEADER X-Foo y)")) {
            assertTrue(SearchEvaluator.needsContent(key(k)), k);
        }
        assertFalse(SearchEvaluator.needsDetails(key("HEADER X-Foo y")), "read from the content alone");
        assertTrue(SearchEvaluator.needsDetails(key("BODY x")), "the part structure");
    }

    @Test
    void contentKeysLoadContentOnce() throws IOException {
        FakeCandidate m = FakeCandidate.of(1, NOW, sample("alternative.eml"));
        assertTrue(matches("BODY hello TEXT second BODY line HEADER Subject alt", m));
        assertEquals(1, m.contentLoads.get());
        assertEquals(1, m.detailLoads.get());
    }

    @Test
    void cheapKeysAreTriedFirst() throws IOException {
        FakeCandidate seenNoContent = new FakeCandidate(1, 1, Set.of("\\Seen"), false, 1, NOW, null);
        assertFalse(matches("BODY x FROM y UNSEEN", seenNoContent), "UNSEEN fails before anything is loaded");
        assertTrue(matches("OR BODY x SEEN", seenNoContent));
        assertTrue(matches("NOT (TEXT x FROM y UNSEEN)", seenNoContent));
        assertEquals(0, seenNoContent.detailLoads.get() + seenNoContent.contentLoads.get());
        FakeCandidate m = FakeCandidate.of(2, NOW, sample("simple.eml"));
        assertFalse(matches("BODY joe FROM nobody", m));
        assertEquals(0, m.contentLoads.get(), "the From key failed first");
    }

    /** 10,000 messages with flag keys: nothing is loaded (details() and content() throw here). */
    @Test
    void tenThousandMessagesWithFlagKeys() throws IOException {
        List<FakeCandidate> folder = new ArrayList<>();
        for (int i = 1; i <= 10_000; i++) {
            folder.add(i % 3 == 0 ? flagged(i, i, false, "\\Seen") : flagged(i, i, i % 7 == 0, "\\Flagged"));
        }
        SearchEvaluator e = new SearchEvaluator(10_000, 10_000, Set.of(), NOW, UTC);
        SearchKey k = key("OR (UNSEEN FLAGGED) NEW UID 1:* NOT DELETED");
        assertFalse(SearchEvaluator.needsDetails(k) || SearchEvaluator.needsContent(k));
        int hits = 0;
        for (FakeCandidate c : folder) {
            hits += e.matches(k, c) ? 1 : 0;
        }
        assertEquals(10_000 - 10_000 / 3, hits);
    }

    @Test
    void emptySequenceSetContainsNothingOutsideTheFolder() throws IOException {
        SearchEvaluator empty = new SearchEvaluator(0, 0, Set.of(), NOW, UTC);
        assertFalse(empty.matches(new SearchKey.Sequence(SequenceSet.of(1)), flagged(1, 1, false)));
    }
}
