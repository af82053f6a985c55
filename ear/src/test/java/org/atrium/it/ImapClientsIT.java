package org.atrium.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.activation.DataHandler;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.UIDFolder;
import jakarta.mail.event.MessageChangedEvent;
import jakarta.mail.event.MessageChangedListener;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.search.SubjectTerm;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.imap.AppendUID;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.Test;

/**
 * Real IMAP clients against the deployed server (RFC 3501): Python's imaplib, and Jakarta Mail's IMAP provider (Angus
 * Mail) with a multipart message read back through BODYSTRUCTURE, UIDPLUS (RFC 4315) under concurrent APPENDs, and
 * two sessions on one mailbox seeing each other's changes (RFC 3501 §7.4.1).
 */
class ImapClientsIT {

    @Test
    void pythonImaplibFullSession() throws Exception {
        String pw = "Pw-" + UUID.randomUUID();
        String user = AdminClient.newUser("pyimap", pw);
        Path script = Path.of(getClass().getResource("/python/imap_flow.py").toURI());
        Processes.Result r = Processes.run(List.of("python3", script.toString(), ItEnv.HOST,
                Integer.toString(ItEnv.imap()), user, pw), Map.of(), null, 120);
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("python imaplib flow ok"), r.output());
    }

    /**
     * LIST, CREATE, APPEND (APPENDUID), FETCH of ENVELOPE and BODYSTRUCTURE then of each part's content, SEARCH,
     * STORE, COPY (COPYUID), EXPUNGE, as a desktop client built on Jakarta Mail does them.
     */
    @Test
    void jakartaMailFullSessionWithAMultipartMessage() throws Exception {
        String pw = "Pw-" + UUID.randomUUID();
        String user = AdminClient.newUser("jmimap", pw);
        String tag = UUID.randomUUID().toString();
        byte[] attachment = new byte[300];
        for (int i = 0; i < attachment.length; i++) {
            attachment[i] = (byte) i; // every octet value, CR, LF and NUL among them: only base64 can carry it
        }

        IMAPStore store = MailTools.imapStore(user, pw);
        try {
            Folder root = store.getDefaultFolder();
            assertEquals('/', root.getSeparator(), "hierarchy delimiter (RFC 3501 §6.3.8)");
            Set<String> names = new HashSet<>();
            for (Folder f : root.list("*")) {
                names.add(f.getFullName());
            }
            assertTrue(names.containsAll(Set.of("INBOX", "Sent", "Drafts", "Trash", "Junk")), names.toString());

            Folder projects = store.getFolder("Projects/2026");
            assertFalse(projects.exists());
            assertTrue(projects.create(Folder.HOLDS_MESSAGES), "CREATE Projects/2026");
            assertTrue(projects.exists());

            MimeMessage m = new MimeMessage(MailTools.imapSession());
            m.setFrom(new InternetAddress("sender@example.org", "Jakarta Sender"));
            m.setRecipient(Message.RecipientType.TO, new InternetAddress(user));
            m.setSubject("multipart " + tag);
            MimeBodyPart text = new MimeBodyPart();
            text.setText("Hello from Jakarta Mail over IMAP.\nSecond line.\n", "UTF-8");
            MimeBodyPart file = new MimeBodyPart();
            file.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment, "application/octet-stream")));
            file.setFileName("octets.bin");
            file.setDisposition(Part.ATTACHMENT);
            m.setContent(new MimeMultipart(text, file));
            m.saveChanges();

            IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            AppendUID[] appended = inbox.appendUIDMessages(new Message[] {m});
            assertNotNull(appended[0], "APPENDUID (RFC 4315 §3)");
            assertEquals(inbox.getUIDValidity(), appended[0].uidvalidity);
            long uid = appended[0].uid;

            Message got = inbox.getMessageByUID(uid);
            assertNotNull(got, "UID FETCH of the appended UID");
            FetchProfile fp = new FetchProfile();
            fp.add(FetchProfile.Item.ENVELOPE); // FETCH ENVELOPE INTERNALDATE RFC822.SIZE
            fp.add(FetchProfile.Item.CONTENT_INFO); // FETCH BODYSTRUCTURE
            fp.add(FetchProfile.Item.FLAGS);
            inbox.fetch(new Message[] {got}, fp);
            assertEquals("multipart " + tag, got.getSubject());
            assertEquals("sender@example.org", ((InternetAddress) got.getFrom()[0]).getAddress());
            assertEquals("Jakarta Sender", ((InternetAddress) got.getFrom()[0]).getPersonal());
            assertTrue(got.isMimeType("multipart/mixed"), got.getContentType());

            MimeMultipart parts = (MimeMultipart) got.getContent();
            assertEquals(2, parts.getCount(), "parts from BODYSTRUCTURE");
            var first = parts.getBodyPart(0);
            assertTrue(first.isMimeType("text/plain"), first.getContentType());
            assertEquals("Hello from Jakarta Mail over IMAP.\nSecond line.\n",
                    first.getContent().toString().replace("\r\n", "\n"), "BODY[1], as sent (with CRLF on the wire)");
            var second = parts.getBodyPart(1);
            assertTrue(second.isMimeType("application/octet-stream"), second.getContentType());
            assertEquals("octets.bin", second.getFileName());
            assertEquals(Part.ATTACHMENT, second.getDisposition());
            assertArrayEquals(attachment, second.getInputStream().readAllBytes(), "BODY[2], base64-decoded");

            Message[] found = inbox.search(new SubjectTerm(tag));
            assertEquals(1, found.length, "SEARCH SUBJECT");
            assertEquals(uid, inbox.getUID(found[0]));

            got.setFlag(Flags.Flag.FLAGGED, true);
            assertEquals(1, inbox.search(new FlagTerm(new Flags(Flags.Flag.FLAGGED), true)).length,
                    "SEARCH FLAGGED after STORE");

            AppendUID[] copied = inbox.copyUIDMessages(new Message[] {got}, projects);
            assertNotNull(copied[0], "COPYUID (RFC 4315 §3)");

            got.setFlag(Flags.Flag.DELETED, true);
            Message[] expunged = inbox.expunge();
            assertEquals(1, expunged.length);
            assertEquals(0, inbox.getMessageCount());
            inbox.close(false);

            projects.open(Folder.READ_ONLY);
            assertEquals(1, projects.getMessageCount());
            Message copy = ((UIDFolder) projects).getMessageByUID(copied[0].uid);
            assertEquals("multipart " + tag, copy.getSubject());
            assertTrue(copy.isSet(Flags.Flag.FLAGGED), "COPY keeps the flags (RFC 3501 §6.4.7)");
            MimeMultipart copyParts = (MimeMultipart) copy.getContent();
            assertArrayEquals(attachment, copyParts.getBodyPart(1).getInputStream().readAllBytes());
            projects.close(false);
        } finally {
            store.close();
        }
    }

    /** Eight connections APPEND at once into one mailbox: every message gets its own UID (RFC 3501 §2.3.1.1). */
    @Test
    void parallelAppendsNeverShareAUid() throws Exception {
        String pw = "Pw-" + UUID.randomUUID();
        String user = AdminClient.newUser("imapuid", pw);
        int threads = 8;
        int perThread = 5;
        ConcurrentLinkedQueue<AppendUID> uids = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    IMAPStore store = MailTools.imapStore(user, pw);
                    try {
                        IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
                        for (int i = 0; i < perThread; i++) {
                            MimeMessage m = new MimeMessage(MailTools.imapSession());
                            m.setSubject("parallel " + thread + "/" + i);
                            m.setText("x");
                            AppendUID[] r = inbox.appendUIDMessages(new Message[] {m});
                            assertNotNull(r[0], "APPENDUID");
                            uids.add(r[0]);
                        }
                    } finally {
                        store.close();
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        int total = threads * perThread;
        Set<Long> distinct = new TreeSet<>();
        Set<Long> validities = new HashSet<>();
        for (AppendUID a : uids) {
            assertTrue(distinct.add(a.uid), "UID " + a.uid + " given to two messages");
            validities.add(a.uidvalidity);
        }
        assertEquals(total, distinct.size());
        assertEquals(1, validities.size(), "one UIDVALIDITY: " + validities);

        IMAPStore store = MailTools.imapStore(user, pw);
        try {
            IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertEquals(validities.iterator().next(), inbox.getUIDValidity());
            Message[] all = inbox.getMessages();
            assertEquals(total, all.length);
            FetchProfile fp = new FetchProfile();
            fp.add(UIDFolder.FetchProfileItem.UID);
            inbox.fetch(all, fp);
            List<Long> listed = new ArrayList<>();
            long previous = 0;
            for (Message m : all) {
                long uid = inbox.getUID(m);
                assertTrue(uid > previous, "UIDs ascend with sequence numbers: " + previous + " then " + uid);
                previous = uid;
                listed.add(uid);
            }
            assertEquals(distinct, new TreeSet<>(listed), "UID FETCH lists exactly the UIDs APPENDUID gave");
            inbox.close(false);
        } finally {
            store.close();
        }
    }

    /**
     * Two sessions on one INBOX: B flags one message and expunges another; A learns both at its next NOOP, as an
     * untagged FETCH FLAGS and an EXPUNGE (RFC 3501 §7.4.1, §6.1.2).
     */
    @Test
    void twoSessionsSeeEachOthersFlagsAndExpunges() throws Exception {
        String pw = "Pw-" + UUID.randomUUID();
        String user = AdminClient.newUser("imaptwo", pw);
        IMAPStore a = MailTools.imapStore(user, pw);
        IMAPStore b = MailTools.imapStore(user, pw);
        try {
            IMAPFolder inboxA = (IMAPFolder) a.getFolder("INBOX");
            List<Long> uids = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                MimeMessage m = new MimeMessage(MailTools.imapSession());
                m.setSubject("two sessions " + i);
                m.setText("body " + i);
                uids.add(inboxA.appendUIDMessages(new Message[] {m})[0].uid);
            }
            inboxA.open(Folder.READ_WRITE);
            assertEquals(3, inboxA.getMessageCount());
            FetchProfile fp = new FetchProfile();
            fp.add(UIDFolder.FetchProfileItem.UID);
            fp.add(FetchProfile.Item.FLAGS);
            inboxA.fetch(inboxA.getMessages(), fp);
            CountDownLatch removed = new CountDownLatch(1);
            CountDownLatch flagged = new CountDownLatch(1);
            inboxA.addMessageCountListener(new MessageCountAdapter() {
                @Override
                public void messagesRemoved(MessageCountEvent e) {
                    removed.countDown();
                }
            });
            inboxA.addMessageChangedListener(new MessageChangedListener() {
                @Override
                public void messageChanged(MessageChangedEvent e) {
                    try {
                        if (e.getMessageChangeType() == MessageChangedEvent.FLAGS_CHANGED
                                && e.getMessage().isSet(Flags.Flag.FLAGGED)) {
                            flagged.countDown();
                        }
                    } catch (MessagingException ignored) {
                        // the message went away meanwhile: the latch stays closed and the assertion reports it
                    }
                }
            });

            IMAPFolder inboxB = (IMAPFolder) b.getFolder("INBOX");
            inboxB.open(Folder.READ_WRITE);
            inboxB.getMessageByUID(uids.get(0)).setFlag(Flags.Flag.FLAGGED, true);
            inboxB.getMessageByUID(uids.get(1)).setFlag(Flags.Flag.DELETED, true);
            assertEquals(1, inboxB.expunge().length);
            inboxB.close(false);

            inboxA.doCommand(p -> {
                p.noop();
                return null;
            });
            assertTrue(removed.await(10, TimeUnit.SECONDS), "EXPUNGE seen by the other session at NOOP");
            assertTrue(flagged.await(10, TimeUnit.SECONDS), "FETCH FLAGS seen by the other session at NOOP");
            // Jakarta Mail keeps a message another session expunged in its list, marked expunged (MessageCountEvent).
            List<Long> left = new ArrayList<>();
            for (Message m : inboxA.getMessages()) {
                if (!m.isExpunged()) {
                    left.add(inboxA.getUID(m));
                }
            }
            assertEquals(List.of(uids.get(0), uids.get(2)), left);
            assertTrue(inboxA.getMessageByUID(uids.get(0)).isSet(Flags.Flag.FLAGGED));
            assertFalse(inboxA.getMessageByUID(uids.get(2)).isSet(Flags.Flag.FLAGGED));
            inboxA.close(false);
        } finally {
            a.close();
            b.close();
        }
    }
}
