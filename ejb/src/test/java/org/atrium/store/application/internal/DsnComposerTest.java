package org.atrium.store.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.dom.field.ContentTypeField;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.MimeConfig;
import org.atrium.store.application.internal.DsnComposer.Action;
import org.junit.jupiter.api.Test;

class DsnComposerTest {

    private static final Instant ARRIVAL = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-01T10:05:00Z");
    private static final String ORIGINAL = "From: alice@atrium.test\r\nTo: bob@example.org\r\nSubject: Lunch\r\n"
            + "Message-ID: <m1@atrium.test>\r\n\r\nSee you at noon.\r\n";

    private static DsnComposer.Recipient failed(String address, String orcpt) {
        return new DsnComposer.Recipient(address, orcpt, Action.FAILED, "5.1.1", "mx.example.org [192.0.2.1]",
                "550 5.1.1 no such user", "550 5.1.1 no such user", NOW, null);
    }

    private static DsnComposer.Report report(String ret, List<DsnComposer.Recipient> recipients) {
        return new DsnComposer.Report("mx.atrium.test", "alice@atrium.test", "QQ+2B123", ret, ARRIVAL, "Q1",
                recipients, NOW);
    }

    private static Message parse(byte[] dsn) throws IOException {
        DefaultMessageBuilder b = new DefaultMessageBuilder();
        b.setMimeEntityConfig(MimeConfig.PERMISSIVE);
        return b.parseMessage(new ByteArrayInputStream(dsn));
    }

    private static String text(org.apache.james.mime4j.dom.Entity part) throws IOException {
        try (InputStream in = ((SingleBody) part.getBody()).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The fields of the status part's blocks: per-message first, then one map per recipient. */
    private static List<Map<String, String>> blocks(String status) {
        List<Map<String, String>> blocks = new java.util.ArrayList<>();
        for (String block : status.split("\r\n\r\n")) {
            if (block.isBlank()) {
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (String line : block.split("\r\n")) {
                int colon = line.indexOf(':');
                fields.put(line.substring(0, colon), line.substring(colon + 1).trim());
            }
            blocks.add(fields);
        }
        return blocks;
    }

    @Test
    void aFailureIsAMultipartReportWithTheStatusAndTheWholeOriginal() throws IOException {
        byte[] dsn = DsnComposer.compose(report(null, List.of(failed("bob@example.org", "rfc822;Bob+2Bx@example.org"))),
                ORIGINAL.getBytes(StandardCharsets.US_ASCII), false);
        Message m = parse(dsn);

        assertEquals("multipart/report", m.getMimeType());
        ContentTypeField ct = (ContentTypeField) m.getHeader().getField("Content-Type");
        assertEquals("delivery-status", ct.getParameter("report-type"));
        assertEquals("MAILER-DAEMON@mx.atrium.test", m.getFrom().get(0).getAddress());
        assertEquals("Mail Delivery System", m.getFrom().get(0).getName());
        assertEquals("alice@atrium.test", ((org.apache.james.mime4j.dom.address.Mailbox) m.getTo().get(0))
                .getAddress());
        assertEquals("auto-replied", m.getHeader().getField("Auto-Submitted").getBody().trim());
        assertEquals("Undelivered Mail Returned to Sender", m.getSubject());

        Multipart parts = (Multipart) m.getBody();
        assertEquals(3, parts.getCount());
        assertEquals("text/plain", parts.getBodyParts().get(0).getMimeType());
        assertTrue(text(parts.getBodyParts().get(0)).contains("<bob@example.org>: 550 5.1.1 no such user"));
        assertEquals("message/delivery-status", parts.getBodyParts().get(1).getMimeType());
        List<Map<String, String>> blocks = blocks(text(parts.getBodyParts().get(1)));
        assertEquals(2, blocks.size());
        assertEquals("dns; mx.atrium.test", blocks.get(0).get("Reporting-MTA"));
        assertEquals("QQ+123", blocks.get(0).get("Original-Envelope-Id"), "ENVID is xtext-decoded");
        assertEquals("Tue, 1 Dec 2026 10:00:00 GMT", blocks.get(0).get("Arrival-Date"));
        Map<String, String> rcpt = blocks.get(1);
        assertEquals("rfc822;Bob+x@example.org", rcpt.get("Original-Recipient"));
        assertEquals("rfc822; bob@example.org", rcpt.get("Final-Recipient"));
        assertEquals("failed", rcpt.get("Action"));
        assertEquals("5.1.1", rcpt.get("Status"));
        assertEquals("dns; mx.example.org", rcpt.get("Remote-MTA"));
        assertEquals("smtp; 550 5.1.1 no such user", rcpt.get("Diagnostic-Code"));
        assertEquals("Tue, 1 Dec 2026 10:05:00 GMT", rcpt.get("Last-Attempt-Date"));
        assertNull(rcpt.get("Will-Retry-Until"));

        assertEquals("message/rfc822", parts.getBodyParts().get(2).getMimeType());
        Message original = assertInstanceOf(Message.class, parts.getBodyParts().get(2).getBody());
        assertEquals("Lunch", original.getSubject());
        assertTrue(text(original).contains("See you at noon."));
    }

    @Test
    void retHdrsReturnsOnlyTheHeaderSection() throws IOException {
        Message m = parse(DsnComposer.compose(report("HDRS", List.of(failed("bob@example.org", null))),
                ORIGINAL.getBytes(StandardCharsets.US_ASCII), false));
        var third = ((Multipart) m.getBody()).getBodyParts().get(2);
        assertEquals("text/rfc822-headers", third.getMimeType());
        String headers = text(third);
        assertTrue(headers.contains("Subject: Lunch"));
        assertFalse(headers.contains("See you at noon."));
        assertFalse(blocks(text(((Multipart) m.getBody()).getBodyParts().get(1))).get(1)
                .containsKey("Original-Recipient"));
    }

    @Test
    void aTruncatedOrLargeOriginalIsReturnedAsHeadersOnly() throws IOException {
        Message m = parse(DsnComposer.compose(report("FULL", List.of(failed("bob@example.org", null))),
                ORIGINAL.getBytes(StandardCharsets.US_ASCII), true));
        assertEquals("text/rfc822-headers", ((Multipart) m.getBody()).getBodyParts().get(2).getMimeType());

        byte[] big = (ORIGINAL + "x".repeat(DsnComposer.MAX_RETURNED)).getBytes(StandardCharsets.US_ASCII);
        m = parse(DsnComposer.compose(report(null, List.of(failed("bob@example.org", null))), big, false));
        assertEquals("text/rfc822-headers", ((Multipart) m.getBody()).getBodyParts().get(2).getMimeType());
    }

    @Test
    void aDelayWarningSaysUntilWhenItIsRetried() throws IOException {
        Instant until = Instant.parse("2026-12-06T10:00:00Z");
        var delayed = new DsnComposer.Recipient("carol@example.net", null, Action.DELAYED, "4.4.1", null, null,
                "451 4.4.1 connection refused", NOW, until);
        Message m = parse(DsnComposer.compose(report(null, List.of(delayed)),
                ORIGINAL.getBytes(StandardCharsets.US_ASCII), false));
        assertEquals("Delayed Mail (still being retried)", m.getSubject());
        Map<String, String> rcpt = blocks(text(((Multipart) m.getBody()).getBodyParts().get(1))).get(1);
        assertEquals("delayed", rcpt.get("Action"));
        assertEquals("4.4.1", rcpt.get("Status"));
        assertEquals("Sun, 6 Dec 2026 10:00:00 GMT", rcpt.get("Will-Retry-Until"));
        assertNull(rcpt.get("Diagnostic-Code"), "no SMTP reply, no Diagnostic-Code");
        assertNull(rcpt.get("Remote-MTA"));
    }

    @Test
    void oneReportCoversSeveralRecipients() throws IOException {
        var delivered = new DsnComposer.Recipient("dave@atrium.test", null, Action.DELIVERED, "2.0.0", null, null,
                "delivered to the mailbox", NOW, null);
        var relayed = new DsnComposer.Recipient("erin@example.org", null, Action.RELAYED, "2.0.0",
                "mx.example.org [192.0.2.1]", "250 2.0.0 ok", "passed on", NOW, null);
        Message m = parse(DsnComposer.compose(report(null, List.of(delivered, relayed)),
                ORIGINAL.getBytes(StandardCharsets.US_ASCII), false));
        assertEquals("Successful Mail Delivery Report", m.getSubject());
        List<Map<String, String>> blocks = blocks(text(((Multipart) m.getBody()).getBodyParts().get(1)));
        assertEquals(3, blocks.size());
        assertEquals("delivered", blocks.get(1).get("Action"));
        assertEquals("relayed", blocks.get(2).get("Action"));
    }

    @Test
    void headerInjectionThroughARemoteReplyIsFlattened() throws IOException {
        var evil = new DsnComposer.Recipient("bob@example.org", null, Action.FAILED, "5.0.0", null,
                "550 no\r\nAction: delivered", "550 no", NOW, null);
        Message m = parse(DsnComposer.compose(report(null, List.of(evil)),
                ORIGINAL.getBytes(StandardCharsets.US_ASCII), false));
        Map<String, String> rcpt = blocks(text(((Multipart) m.getBody()).getBodyParts().get(1))).get(1);
        assertEquals("failed", rcpt.get("Action"));
        assertEquals("smtp; 550 no Action: delivered", rcpt.get("Diagnostic-Code"));
    }

    @Test
    void neverForTheNullReversePath() {
        assertThrows(IllegalArgumentException.class, () -> new DsnComposer.Report("mx", "", null, null, ARRIVAL,
                "Q", List.of(failed("bob@example.org", null)), NOW));
        assertThrows(IllegalArgumentException.class, () -> report(null, List.of()));
    }

    @Test
    void statusComesFromTheEnhancedCodeOrTheReplyClass() {
        assertEquals("5.1.1", DsnComposer.statusOf("550 5.1.1 no such user", "5.0.0"));
        assertEquals("4.2.2", DsnComposer.statusOf("452-4.2.2 mailbox full", "4.0.0"));
        assertEquals("5.0.0", DsnComposer.statusOf("554 transaction failed", "4.0.0"));
        assertEquals("4.0.0", DsnComposer.statusOf("421 try later", "5.0.0"));
        assertEquals("5.4.6", DsnComposer.statusOf("5.4.6 routing loop", "5.0.0"));
        assertEquals("4.4.7", DsnComposer.statusOf("connection refused", "4.4.7"));
        assertEquals("4.4.7", DsnComposer.statusOf(null, "4.4.7"));
        assertTrue(DsnComposer.isSmtpReply("550 no"));
        assertFalse(DsnComposer.isSmtpReply("connection refused"));
    }

    @Test
    void theHeaderSectionEndsAtTheFirstEmptyLine() {
        assertEquals("A: 1\r\n\r\n", new String(DsnComposer.headerSection("A: 1\r\n\r\nbody\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII)), StandardCharsets.US_ASCII));
        assertEquals("A: 1\n\n", new String(DsnComposer.headerSection("A: 1\n\nbody"
                .getBytes(StandardCharsets.US_ASCII)), StandardCharsets.US_ASCII));
        assertEquals("A: 1\r\n", new String(DsnComposer.headerSection("A: 1\r\n"
                .getBytes(StandardCharsets.US_ASCII)), StandardCharsets.US_ASCII));
    }

    private static String text(Message m) throws IOException {
        return text((org.apache.james.mime4j.dom.Entity) m);
    }
}
