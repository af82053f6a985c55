package org.atrium.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import jakarta.faces.validator.ValidatorException;
import java.time.LocalDateTime;
import org.atrium.store.application.QueueEntryView;
import org.junit.jupiter.api.Test;

/** The logic of the console's pages that is more than wiring: what they show and what they ask the services. */
class ConsoleBeansTest {

    @Test
    void quotaInWords() {
        assertEquals("server default", DomainsBean.quotaText(null, null, null));
        assertEquals("server default, warn at 80%", DomainsBean.quotaText(null, null, 80));
        assertEquals("2 G, 10000 messages, warn at 75%", DomainsBean.quotaText(2L << 30, 10_000L, 75));
        assertEquals("500 messages", DomainsBean.quotaText(null, 500L, null));
    }

    @Test
    void quotaSourceInWords() {
        assertEquals("class of service imap-only", UsersBean.quotaSource("classOfService", "imap-only"));
        assertEquals("own quota", UsersBean.quotaSource("account", null));
        assertEquals("domain default", UsersBean.quotaSource("domain", null));
        assertEquals("server default", UsersBean.quotaSource("server", null));
        assertEquals("no limit", UsersBean.quotaSource("none", null));
        assertEquals("", UsersBean.quotaSource(null, null));
    }

    @Test
    void classOfServiceAccessInWords() {
        assertEquals("IMAP, public folders", ClassesOfServiceBean.access(true, false, false, true, false));
        assertEquals("IMAP, POP3, SMTP submission, public folders, delegation",
                ClassesOfServiceBean.access(true, true, true, true, true));
        assertEquals("nothing", ClassesOfServiceBean.access(false, false, false, false, false));
    }

    @Test
    void usageAgainstItsLimit() {
        assertEquals("12 M (no limit)", UsersBean.usage(12L << 20, null, true));
        assertEquals("512 M of 1 G (50%)", UsersBean.usage(512L << 20, 1L << 30, true));
        assertEquals("7 of 0 (100%)", UsersBean.usage(7, 0L, false));
        assertEquals("30 of 10 (300%)", UsersBean.usage(30, 10L, false));
    }

    @Test
    void quotaFormKeepsExactOctetsAndClearsWithEmptyFields() {
        QuotaForm q = new QuotaForm();
        q.load(2L << 30, 100L, 80);
        assertEquals("2 G", q.getBytes());
        assertEquals(2L << 30, q.bytes());
        assertEquals("bytes=2147483648 messages=100 warnPercent=80", q.fields());
        q.load(1_400_000_000L, null, null);
        assertEquals("1400000000", q.getBytes()); // "1.3 G" would not read back exactly
        assertEquals(1_400_000_000L, q.bytes());
        q.load(null, null, null);
        assertNull(q.bytes());
        assertNull(q.messages());
        assertNull(q.warnPercent());
        assertEquals("bytes=null messages=null warnPercent=null", q.fields());
        q.load(100L, null, null);
        assertEquals("100", q.getBytes());
    }

    @Test
    void folderDepthAndAuditQuery() {
        assertEquals(0, FoldersBean.depth("Projects"));
        assertEquals(2, FoldersBean.depth("Projects/Apollo/Notes"));
        assertEquals("?path=Projects%2FApollo+X&tree=organisation", FoldersBean.query("Projects/Apollo X",
                "organisation"));
    }

    @Test
    void trackingCriteria() {
        TrackingBean.Criteria c = TrackingBean.Criteria.of(" a@b.test ", "", null, " Q1 ",
                Instant.parse("2026-12-01T00:00:00Z"), null, "");
        assertEquals("a@b.test", c.sender());
        assertNull(c.recipient());
        assertNull(c.messageId());
        assertEquals("Q1", c.queueId());
        assertNull(c.outcome());
        var q = c.query(50, 26);
        assertEquals(50, q.offset());
        assertEquals(26, q.limit());
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), q.from());
        assertEquals("", TrackingBean.Criteria.of("<>", null, null, null, null, null, null).sender());
        assertEquals(Instant.parse("2026-12-02T10:30:00Z"), TrackingBean.utc(LocalDateTime.of(2026, 12, 2, 10, 30)));
    }

    @Test
    void queueRows() {
        QueueEntryView e = new QueueEntryView("Q1", "", "remote.test", java.util.List.of("a@remote.test",
                "b@remote.test"), QueueEntryView.State.DEFERRED, 2048, "<m@x>", Instant.EPOCH, 3, "451 later",
                Instant.EPOCH, Instant.EPOCH);
        QueueBean.Row r = QueueBean.Row.of(e);
        assertEquals("<>", r.sender());
        assertEquals("a@remote.test, b@remote.test", r.recipients());
        assertEquals(2, r.recipientCount());
        assertEquals("DEFERRED", r.state());
        assertEquals("2 K", r.size());
        QueueBean bean = new QueueBean();
        bean.setState("DEFERRED");
        assertEquals(QueueEntryView.State.DEFERRED, bean.state());
        bean.setState("");
        assertNull(bean.state());
        bean.setState("NONSENSE");
        assertNull(bean.state());
    }

    @Test
    void folderFieldsAreCheckedAsTyped() {
        FoldersBean f = new FoldersBean();
        f.validatePath(null, null, "Projects/Apollo");
        f.validatePath(null, null, "Inboxes");
        for (String bad : new String[] {"", "/Projects", "Projects/", "a//b", "INBOX", "inbox/Sub"}) {
            assertThrows(ValidatorException.class, () -> f.validatePath(null, null, bad), bad);
        }
        f.validateIdentifier(null, null, "anyone");
        f.validateIdentifier(null, null, " Authenticated ");
        f.validateIdentifier(null, null, "team@example.org");
        assertThrows(ValidatorException.class, () -> f.validateIdentifier(null, null, "everyone"));
        f.validateRights(null, null, "lrswipkxtea");
        f.validateRights(null, null, null);
        assertThrows(ValidatorException.class, () -> f.validateRights(null, null, "lrz"));
        assertEquals(9, FoldersBean.ROLES.size());
    }

    @Test
    void trackingSenderMayBeTheNullSender() {
        TrackingBean t = new TrackingBean();
        t.validateAddress(null, null, "<>");
        t.validateAddress(null, null, "");
        t.validateAddress(null, null, "a@b.test");
        assertThrows(ValidatorException.class, () -> t.validateAddress(null, null, "a@"));
    }
}
