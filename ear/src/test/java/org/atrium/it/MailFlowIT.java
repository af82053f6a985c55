package org.atrium.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Jakarta Mail's own SMTP and POP3 providers against the deployed server: one message to two users is stored once
 * (single-instance storage), read by both, and its blob freed when the last copy is deleted.
 */
class MailFlowIT {

    private static Session session() {
        Properties p = new Properties();
        p.put("mail.smtp.host", ItEnv.HOST);
        p.put("mail.smtp.port", Integer.toString(ItEnv.smtp()));
        p.put("mail.smtp.localhost", "jakarta.example.org");
        p.put("mail.pop3.host", ItEnv.HOST);
        p.put("mail.pop3.port", Integer.toString(ItEnv.pop3()));
        p.put("mail.smtp.timeout", "20000");
        p.put("mail.pop3.timeout", "20000");
        return Session.getInstance(p);
    }

    @Test
    void oneMessageToTwoUsersIsStoredOnceReadByBothAndFreedAfterBothDeleteIt() throws Exception {
        String pw = "Pw-" + UUID.randomUUID();
        String u1 = AdminClient.newUser("jm", pw);
        String u2 = AdminClient.newUser("jm", pw);
        String tag = UUID.randomUUID().toString();

        MimeMessage m = new MimeMessage(session());
        m.setFrom(new InternetAddress("sender@example.org", "Jakarta Sender"));
        m.setRecipients(Message.RecipientType.TO, new InternetAddress[] {new InternetAddress(u1), new InternetAddress(u2)});
        m.setSubject("single instance " + tag);
        m.setText("Hello from Jakarta Mail.\n", "UTF-8");
        Transport.send(m);

        MailTools.awaitMessages(u1, pw, 1, Duration.ofSeconds(20));
        MailTools.awaitMessages(u2, pw, 1, Duration.ofSeconds(20));
        List<Path> blobs = blobsContaining(tag);
        assertEquals(1, blobs.size(), "one blob for a message to two local recipients: " + blobs);

        for (String user : List.of(u1, u2)) {
            Store store = session().getStore("pop3");
            store.connect(user, pw);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            assertEquals(1, inbox.getMessageCount());
            Message got = inbox.getMessage(1);
            assertEquals("single instance " + tag, got.getSubject());
            assertTrue(got.getContent().toString().contains("Hello from Jakarta Mail."));
            got.setFlag(Flags.Flag.DELETED, true);
            inbox.close(true); // QUIT: the UPDATE state expunges (RFC 1939 §6)
            store.close();
            assertEquals(0, MailTools.pop3Count(user, pw));
            if (user.equals(u1)) {
                assertEquals(1, blobsContaining(tag).size(), "still referenced by the second mailbox");
            }
        }
        Instant deadline = Instant.now().plusSeconds(40);
        while (!blobsContaining(tag).isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        assertEquals(List.of(), blobsContaining(tag), "blob freed once the last reference was expunged");
    }

    /**
     * Eight SMTP sessions deliver into one INBOX at once: every message gets its own UID, and UIDs increase in the order
     * the maildrop lists them (RFC 3501 §2.3.1.1; POP3 UIDL is {@code UIDVALIDITY.UID}).
     */
    @Test
    void concurrentDeliveriesNeverShareAUid() throws Exception {
        String pw = "Pw-" + UUID.randomUUID();
        String user = AdminClient.newUser("uid", pw);
        int sessions = 8;
        int perSession = 5;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(sessions);
        try {
            List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
            for (int t = 0; t < sessions; t++) {
                int thread = t;
                sent.add(pool.submit(() -> {
                    for (int i = 0; i < perSession; i++) {
                        MailTools.sendRaw("c@example.org", user, "Subject: concurrent " + thread + "/" + i + "\r\n\r\nx");
                    }
                    return null;
                }));
            }
            for (var f : sent) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        int total = sessions * perSession;
        MailTools.awaitMessages(user, pw, total, Duration.ofSeconds(30));
        Store store = session().getStore("pop3");
        store.connect(user, pw);
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        var pop = (org.eclipse.angus.mail.pop3.POP3Folder) inbox;
        long previous = -1;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Message m : inbox.getMessages()) {
            String uidl = pop.getUID(m);
            assertTrue(seen.add(uidl), "UID shared: " + uidl);
            long uid = Long.parseLong(uidl.substring(uidl.indexOf('.') + 1));
            assertTrue(uid > previous, "UIDs strictly increasing: " + previous + " then " + uid);
            previous = uid;
        }
        assertEquals(total, seen.size());
        inbox.close(false);
        store.close();
    }

    /** Blob files whose content contains the tag (the store is content-addressed: we search by content). */
    static List<Path> blobsContaining(String tag) throws IOException {
        Path root = ItEnv.dataDir().resolve("blobs");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.getParent().endsWith("tmp")).filter(p -> {
                try {
                    return Files.readString(p, StandardCharsets.ISO_8859_1).contains(tag);
                } catch (IOException e) {
                    return false; // deleted while we looked
                }
            }).toList();
        }
    }
}
