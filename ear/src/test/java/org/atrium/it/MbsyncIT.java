package org.atrium.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's mbsync (isync) against the deployed server, as issue #3 asks: "syncing a mailbox with several folders
 * both ways twice with no changes the second time". A local Maildir with INBOX, Archive, Work and Work/Reports and a
 * server account with a delivered message and one in Sent are synchronized (Create Both, Expunge Both); the second run
 * must change nothing on either side. mbsync exercises LIST, CREATE, SELECT, UID FETCH, APPEND with literals, UID STORE
 * and UIDPLUS (RFC 3501, RFC 4315).
 */
class MbsyncIT {

    /** mbsync's progress line: "C: 1/1  B: 8/8  F: +5/5 *0/0 #0/0  N: +2/2 *0/0 #0/0" (done/total per side). */
    private static final Pattern PROGRESS = Pattern.compile("C: \\d+/\\d+ +B: \\d+/\\d+ +F: (?<far>[^N]*?) +N: (?<near>.*)");
    private static final Pattern COUNTER = Pattern.compile("([+*#-])(\\d+)/(\\d+)");

    @TempDir
    Path dir;

    @Test
    void syncsSeveralFoldersBothWaysTwiceWithNoChangesTheSecondTime() throws Exception {
        String pw = "Pw-" + UUID.randomUUID();
        String user = AdminClient.newUser("mbsync", pw);

        // Server side: a delivered message in INBOX, one filed in Sent.
        MailTools.sendRaw("far@example.org", user,
                "Subject: delivered to the server\r\nMessage-ID: <" + UUID.randomUUID() + "@example.org>\r\n\r\nserver\r\n");
        MailTools.awaitMessages(user, pw, 1, Duration.ofSeconds(20));
        IMAPStore store = MailTools.imapStore(user, pw);
        try {
            MimeMessage sent = new MimeMessage(MailTools.imapSession());
            sent.setSubject("filed in Sent on the server");
            sent.setText("sent\n");
            sent.setFlag(Flags.Flag.SEEN, true);
            store.getFolder("Sent").appendMessages(new Message[] {sent});
        } finally {
            store.close();
        }

        // Local side: five messages in four folders, one nested (SubFolders Verbatim: Work/Reports is a directory).
        Path mail = dir.resolve("mail");
        maildirMessage(mail.resolve("INBOX"), "local inbox one", "S");
        maildirMessage(mail.resolve("INBOX"), "local inbox two", "");
        maildirMessage(mail.resolve("Archive"), "archived locally", "S");
        maildirMessage(mail.resolve("Work"), "work item", "F");
        maildirMessage(mail.resolve("Work/Reports"), "a report", "");
        Path rc = writeConfig(mail, user, pw);

        Processes.Result first = mbsync(rc);
        assertEquals(0, first.exit(), first.output());
        Map<String, Integer> firstCounters = counters(first.output());
        assertEquals(5, firstCounters.get("F+"), "five local messages uploaded (APPEND): " + first.output());
        assertEquals(2, firstCounters.get("N+"), "two server messages downloaded: " + first.output());

        Map<String, Integer> expected = Map.of("INBOX", 3, "Archive", 1, "Work", 1, "Work/Reports", 1, "Sent", 1,
                "Drafts", 0, "Trash", 0, "Junk", 0);
        Map<String, List<String>> server = serverListing(user, pw);
        assertEquals(expected, sizes(server), "server after the first run: " + server);
        Map<String, List<String>> local = localListing(mail);
        assertEquals(expected, sizes(local), "local Maildir after the first run: " + local);
        assertTrue(server.get("Archive").get(0).contains("\\Seen"), "the local S flag became \\Seen: " + server);
        assertTrue(server.get("Work").get(0).contains("\\Flagged"), "the local F flag became \\Flagged: " + server);

        Processes.Result second = mbsync(rc);
        assertEquals(0, second.exit(), second.output());
        Map<String, Integer> secondCounters = counters(second.output());
        assertTrue(secondCounters.values().stream().allMatch(n -> n == 0),
                "the second run changes nothing: " + secondCounters + "\n" + second.output());
        assertEquals(server, serverListing(user, pw), "server unchanged by the second run");
        assertEquals(local, localListing(mail), "local Maildir unchanged by the second run");
    }

    private Path writeConfig(Path mail, String user, String password) throws IOException {
        Files.createDirectories(mail);
        String rc = String.join("\n",
                "IMAPAccount atrium",
                "Host " + ItEnv.HOST,
                "Port " + ItEnv.imap(),
                "User \"" + user + "\"",
                "Pass \"" + password + "\"",
                "SSLType None",
                // LOGIN over a plain connection only when named explicitly (mbsync refuses it otherwise).
                "AuthMechs LOGIN",
                "Timeout 60",
                "",
                "IMAPStore far",
                "Account atrium",
                "",
                "MaildirStore near",
                "Path " + mail + "/",
                "Inbox " + mail.resolve("INBOX"),
                "SubFolders Verbatim",
                "",
                "Channel both",
                "Far :far:",
                "Near :near:",
                "Patterns *",
                "Create Both",
                "Expunge Both",
                "SyncState *",
                "");
        Path file = dir.resolve("mbsyncrc");
        Files.writeString(file, rc, StandardCharsets.UTF_8);
        return file;
    }

    /** Runs mbsync on a pseudo-terminal (script(1)): only then does it print its progress counters. */
    private Processes.Result mbsync(Path rc) throws Exception {
        return Processes.run(List.of("script", "-qec", "mbsync -c " + rc + " -a", "/dev/null"),
                Map.of("HOME", dir.toString()), null, 180);
    }

    /** The last progress line's counters as "F+", "F*", "F#", "N+"...: the operations done on each side. */
    static Map<String, Integer> counters(String output) {
        String last = null;
        for (String line : output.split("[\r\n]+")) {
            if (PROGRESS.matcher(line.trim()).matches()) {
                last = line.trim();
            }
        }
        if (last == null) {
            throw new AssertionError("no progress line in mbsync's output:\n" + output);
        }
        Matcher m = PROGRESS.matcher(last);
        m.matches();
        Map<String, Integer> result = new TreeMap<>();
        for (String side : List.of("far", "near")) {
            Matcher c = COUNTER.matcher(m.group(side));
            while (c.find()) {
                result.put((side.equals("far") ? "F" : "N") + c.group(1), Integer.parseInt(c.group(2)));
            }
        }
        return result;
    }

    private static void maildirMessage(Path folder, String subject, String flags) throws IOException {
        for (String sub : List.of("cur", "new", "tmp")) {
            Files.createDirectories(folder.resolve(sub));
        }
        String body = "From: local@example.org\r\nSubject: " + subject + "\r\nMessage-ID: <" + UUID.randomUUID()
                + "@example.org>\r\n\r\n" + subject + "\r\n";
        // Maildir file names: unique, with the flags after ":2," (cur/).
        String name = System.currentTimeMillis() / 1000 + "." + UUID.randomUUID() + ".atrium-it:2," + flags;
        Files.writeString(folder.resolve("cur").resolve(name), body, StandardCharsets.UTF_8);
    }

    /** Folder (relative path, "/"-separated) → sorted message file names of cur/ and new/. */
    private static Map<String, List<String>> localListing(Path mail) throws IOException {
        Map<String, List<String>> folders = new TreeMap<>();
        try (Stream<Path> dirs = Files.walk(mail)) {
            for (Path d : dirs.filter(p -> Files.isDirectory(p.resolve("cur"))).toList()) {
                List<String> files = new ArrayList<>();
                for (String sub : List.of("cur", "new")) {
                    try (Stream<Path> f = Files.list(d.resolve(sub))) {
                        f.forEach(p -> files.add(sub + "/" + p.getFileName()));
                    }
                }
                files.sort(null);
                folders.put(mail.relativize(d).toString().replace('\\', '/'), files);
            }
        }
        return folders;
    }

    /** Folder → "uid flags" of each message, read over IMAP. */
    private static Map<String, List<String>> serverListing(String user, String password) throws Exception {
        Map<String, List<String>> folders = new TreeMap<>();
        IMAPStore store = MailTools.imapStore(user, password);
        try {
            for (Folder f : store.getDefaultFolder().list("*")) {
                IMAPFolder folder = (IMAPFolder) f;
                folder.open(Folder.READ_ONLY);
                Message[] all = folder.getMessages();
                FetchProfile fp = new FetchProfile();
                fp.add(UIDFolder.FetchProfileItem.UID);
                fp.add(FetchProfile.Item.FLAGS);
                folder.fetch(all, fp);
                List<String> messages = new ArrayList<>();
                for (Message m : all) {
                    Flags flags = m.getFlags();
                    flags.remove(Flags.Flag.RECENT); // session state, not the mailbox's (RFC 3501 §2.3.2)
                    messages.add(folder.getUID(m) + " " + flagNames(flags));
                }
                folders.put(folder.getFullName(), messages);
                folder.close(false);
            }
        } finally {
            store.close();
        }
        return folders;
    }

    private static String flagNames(Flags flags) {
        List<String> names = new ArrayList<>();
        for (Flags.Flag f : flags.getSystemFlags()) {
            names.add(f == Flags.Flag.SEEN ? "\\Seen" : f == Flags.Flag.FLAGGED ? "\\Flagged"
                    : f == Flags.Flag.ANSWERED ? "\\Answered" : f == Flags.Flag.DELETED ? "\\Deleted"
                    : f == Flags.Flag.DRAFT ? "\\Draft" : f.toString());
        }
        names.addAll(List.of(flags.getUserFlags()));
        names.sort(null);
        return String.join(" ", names);
    }

    private static Map<String, Integer> sizes(Map<String, List<String>> listing) {
        Map<String, Integer> sizes = new TreeMap<>();
        listing.forEach((k, v) -> sizes.put(k, v.size()));
        return sizes;
    }
}
