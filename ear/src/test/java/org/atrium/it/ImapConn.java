package org.atrium.it;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small raw-socket IMAP client for tests that must see the exact responses (RFC 3501 §7, RFC 5530 codes) that
 * Jakarta Mail hides. A response line that announces a literal ({@code {n}} at its end, RFC 3501 §4.3) is read with
 * the literal's octets and the rest of the line joined into one string.
 */
public final class ImapConn implements AutoCloseable {

    private static final Pattern LITERAL = Pattern.compile("\\{(\\d+)}$");

    /** What a test does while a session idles. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    /** The untagged lines of a command and its tagged completion (without the tag). */
    public record Response(List<String> untagged, String tagged) {

        public boolean ok() {
            return tagged.startsWith("OK");
        }

        /** The response code of the tagged line ({@code NOPERM} for {@code NO [NOPERM] ...}), or "". */
        public String code() {
            Matcher m = Pattern.compile("^(?:OK|NO|BAD) \\[([A-Z-]+)").matcher(tagged);
            return m.find() ? m.group(1) : "";
        }

        /** The untagged lines matching the regex (whole line, DOTALL: literals hold line breaks). */
        public List<String> matching(String regex) {
            Pattern p = Pattern.compile(regex, Pattern.DOTALL);
            return untagged.stream().filter(l -> p.matcher(l).matches()).toList();
        }

        @Override
        public String toString() {
            return String.join("\n", untagged) + (untagged.isEmpty() ? "" : "\n") + "<tag> " + tagged;
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String who;
    private int seq;

    private ImapConn(String who) throws IOException {
        this.who = who;
        socket = new Socket(ItEnv.HOST, ItEnv.imap());
        socket.setSoTimeout(20_000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        String greeting = readLine();
        if (greeting == null || !greeting.startsWith("* OK")) {
            throw new IOException("IMAP greeting: " + greeting);
        }
    }

    /** A connection logged in as this user (RFC 3501 §6.2.3); fails unless LOGIN succeeds. */
    public static ImapConn login(String user, String password) throws IOException {
        ImapConn c = new ImapConn(user);
        Response r = c.cmd("LOGIN " + quote(user) + " " + quote(password));
        if (!r.ok()) {
            c.close();
            throw new IOException("LOGIN " + user + ": " + r.tagged());
        }
        return c;
    }

    /** An IMAP quoted string (RFC 3501 §4.3). */
    public static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Sends one command (a fresh tag is put in front) and reads up to its tagged completion. */
    public Response cmd(String command) throws IOException {
        String tag = "t" + (++seq);
        write(tag + " " + command + "\r\n");
        return readUntilTagged(tag);
    }

    /** Like {@link #cmd} but fails the test unless the server answers OK. */
    public Response ok(String command) throws IOException {
        Response r = cmd(command);
        if (!r.ok()) {
            throw new AssertionError(who + ": " + command + " -> " + r);
        }
        return r;
    }

    /** APPEND with a non-synchronizing literal (RFC 7888), flags like {@code (\Seen)} or null. */
    public Response append(String mailbox, String flags, String message) throws IOException {
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        String tag = "t" + (++seq);
        write(tag + " APPEND " + quote(mailbox) + (flags == null ? "" : " " + flags) + " {" + body.length + "+}\r\n");
        out.write(body);
        write("\r\n");
        return readUntilTagged(tag);
    }

    /** The UID an APPEND was given (RFC 4315 §3 APPENDUID), or fails. */
    public static long appendUid(Response r) {
        Matcher m = Pattern.compile("\\[APPENDUID \\d+ (\\d+)]").matcher(r.tagged());
        if (!r.ok() || !m.find()) {
            throw new AssertionError("APPEND without APPENDUID: " + r);
        }
        return Long.parseLong(m.group(1));
    }

    /** The numbers of a {@code * SEARCH} response (RFC 3501 §7.2.5) of {@code UID SEARCH ...}. */
    public List<Long> uidSearch(String criteria) throws IOException {
        Response r = ok("UID SEARCH " + criteria);
        List<Long> uids = new ArrayList<>();
        for (String line : r.matching("\\* SEARCH( .*)?")) {
            for (String n : line.substring(8).trim().split(" ")) {
                if (!n.isEmpty()) {
                    uids.add(Long.parseLong(n));
                }
            }
        }
        return uids;
    }

    /** The FLAGS of one message by UID, from {@code UID FETCH uid (FLAGS)}; empty when there is no such message. */
    public Optional<String> flags(long uid) throws IOException {
        Response r = ok("UID FETCH " + uid + " (FLAGS)");
        Pattern p = Pattern.compile("\\* \\d+ FETCH \\((?=.*UID " + uid + "[ )]).*FLAGS \\(([^)]*)\\).*");
        for (String line : r.untagged()) {
            Matcher m = p.matcher(line);
            if (m.matches()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    /**
     * The ACL entries of a GETACL response (RFC 4314 §3.6): identifier (lower case) to rights. Fails unless the
     * command succeeds.
     */
    public Map<String, String> getAcl(String mailbox) throws IOException {
        Response r = ok("GETACL " + quote(mailbox));
        List<String> acl = r.matching("\\* ACL .*");
        if (acl.size() != 1) {
            throw new AssertionError("one ACL response expected: " + r);
        }
        List<String> tokens = tokens(acl.get(0).substring(6));
        Map<String, String> entries = new LinkedHashMap<>();
        for (int i = 1; i + 1 < tokens.size(); i += 2) {
            entries.put(tokens.get(i).toLowerCase(java.util.Locale.ROOT), tokens.get(i + 1));
        }
        return entries;
    }

    /** Atoms and quoted strings separated by spaces (RFC 3501 §4.1, §4.3). */
    static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ') {
                i++;
            } else if (c == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (i < s.length() && s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\' && i + 1 < s.length()) {
                        i++;
                    }
                    sb.append(s.charAt(i++));
                }
                i++;
                out.add(sb.toString());
            } else {
                int end = s.indexOf(' ', i);
                end = end < 0 ? s.length() : end;
                out.add(s.substring(i, end));
                i = end;
            }
        }
        return out;
    }

    /**
     * IDLE (RFC 2177): waits for the continuation, then for an untagged line matching the regex, sends DONE and reads
     * the completion. Returns the matching line, or empty when none came within the time.
     */
    public Optional<String> idleUntil(String regex, Duration max, Action whileIdling) throws Exception {
        String tag = "t" + (++seq);
        write(tag + " IDLE\r\n");
        String cont = readLine();
        if (cont == null || !cont.startsWith("+")) {
            throw new AssertionError(who + ": IDLE answered " + cont);
        }
        whileIdling.run();
        Pattern p = Pattern.compile(regex, Pattern.DOTALL);
        Instant deadline = Instant.now().plus(max);
        String found = null;
        int timeout = socket.getSoTimeout();
        try {
            while (found == null && Instant.now().isBefore(deadline)) {
                socket.setSoTimeout((int) Math.max(1, Duration.between(Instant.now(), deadline).toMillis()));
                String line;
                try {
                    line = readLine();
                } catch (SocketTimeoutException e) {
                    break;
                }
                if (line == null) {
                    throw new IOException(who + ": connection closed during IDLE");
                }
                if (p.matcher(line).matches()) {
                    found = line;
                }
            }
        } finally {
            socket.setSoTimeout(timeout);
        }
        write("DONE\r\n");
        Response done = readUntilTagged(tag);
        if (!done.ok()) {
            throw new AssertionError(who + ": IDLE ended with " + done);
        }
        return Optional.ofNullable(found);
    }

    private Response readUntilTagged(String tag) throws IOException {
        List<String> untagged = new ArrayList<>();
        while (true) {
            String line = readLine();
            if (line == null) {
                throw new IOException(who + ": connection closed before " + tag + " completed; got " + untagged);
            }
            if (line.startsWith(tag + " ")) {
                return new Response(untagged, line.substring(tag.length() + 1));
            }
            untagged.add(line);
        }
    }

    private void write(String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** One response line without CRLF, literals included; null at end of stream. */
    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            String part = rawLine();
            if (part == null) {
                return line.isEmpty() ? null : line.toString();
            }
            line.append(part);
            Matcher m = LITERAL.matcher(part);
            if (!m.find()) {
                return line.toString();
            }
            byte[] literal = in.readNBytes(Integer.parseInt(m.group(1)));
            line.append("\r\n").append(new String(literal, StandardCharsets.UTF_8));
        }
    }

    private String rawLine() throws IOException {
        return readLine(in);
    }

    /** One line from a server without its CRLF (or bare LF), or null at end of stream; UTF-8. */
    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                byte[] bytes = b.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.UTF_8);
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        try {
            if (!socket.isClosed()) {
                write("z LOGOUT\r\n");
            }
        } catch (IOException ignored) {
            // closing anyway
        } finally {
            socket.close();
        }
    }
}
