package org.atrium.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a protocol transcript against the deployed server over real sockets.
 *
 * <p>Format, one directive per line ({@code #} starts a comment, citing the RFC section a step checks):
 * <ul>
 * <li>{@code == NAME PROTO} opens connection NAME to PROTO (smtp, pop3, imap; the port is {@link ItEnv#port}) and makes
 * it current; {@code == NAME} switches to an open one.</li>
 * <li>{@code C: text} sends text + CRLF. {@code R: text} sends raw bytes with Java escapes (\r \n \t \\ \xNN) and no
 * CRLF added. {@code C*N: text} sends the text N times (each with CRLF); {@code R*N: text} sends the escaped text N
 * times with no CRLF (an over-long line, a large literal). An IMAP literal is written as the lines that form it: its
 * count includes their CRLFs (RFC 3501 §4.3).</li>
 * <li>{@code S: regex} reads one line and requires the regex to match the whole line; a named group
 * {@code (?<name>...)} stores what it matched as ${name} for later lines (e.g. a UIDL compared across sessions).
 * {@code S*: regex} skips lines while they match regex (zero or more). A run of consecutive {@code U: regex} lines reads
 * as many lines and requires each to match a different one of them, in any order: for responses whose order no RFC
 * fixes (the untagged data of an IMAP SELECT, RFC 3501 §6.3.1; updates a server may send in either order). A
 * {@code U?: regex} line in such a block may match no line at all; a block with one is ended early by a line that
 * matches none of its regexes (kept for the next directive), so it must be followed by a response that does come
 * (a tagged one), never by silence.</li>
 * <li>{@code EOF:} requires the server to close the connection. {@code CLOSE:} closes from the client side
 * (a dropped connection, without QUIT).</li>
 * <li>{@code @user VAR} creates a fresh account through the admin API; ${VAR} is its address, ${VAR_password}
 * its password (19 characters), ${VAR_plain} the base64 SASL PLAIN response for them (RFC 4616 §2) and
 * ${VAR_badplain} one with a wrong password. {@code @deliver VAR N} waits until VAR's maildrop holds N messages. {@code @sleep MS}.</li>
 * </ul>
 * ${password} is the demo password, ${domain} the demo domain.
 */
public final class Transcript {

    private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");
    private static final java.util.Set<String> PROTOCOLS = java.util.Set.of("smtp", "pop3", "imap");
    private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");
    private final Map<String, String> vars = new HashMap<>();
    private final Map<String, Conn> conns = new LinkedHashMap<>();
    private final List<String> log = new ArrayList<>();
    private Conn current;

    private static final class Conn implements AutoCloseable {
        final Socket socket;
        final InputStream in;
        final OutputStream out;

        Conn(int port) throws IOException {
            socket = new Socket(ItEnv.HOST, port);
            socket.setSoTimeout(15_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }

        /** One line without CRLF, or null at end of stream. */
        String readLine() throws IOException {
            return ImapConn.readLine(in);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    public Transcript() {
        vars.put("password", ItEnv.demoPassword());
        vars.put("domain", ItEnv.DOMAIN);
        vars.put("unique", "t" + Long.toString(System.currentTimeMillis() % 100_000_000L, 36)
                + Long.toString(Math.floorMod(System.nanoTime(), 10_000L), 36));
    }

    public void run(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String pending = null; // a line read by S* that did not match and belongs to the next S:
        try {
            for (int i = 0; i < lines.size(); i++) {
                String raw = lines.get(i);
                if (raw.isBlank() || raw.startsWith("#")) {
                    continue;
                }
                String line = substitute(raw);
                String where = file.getFileName() + ":" + (i + 1);
                if (line.startsWith("== ")) {
                    String[] p = line.substring(3).trim().split("\\s+");
                    if (p.length == 2) {
                        if (!PROTOCOLS.contains(p[1])) {
                            fail(where + ": unknown protocol " + p[1] + ", expected one of " + PROTOCOLS);
                        }
                        Conn c = new Conn(ItEnv.port(p[1]));
                        conns.put(p[0], c);
                        current = c;
                    } else {
                        current = conns.get(p[0]);
                        if (current == null) {
                            fail(where + ": no connection " + p[0]);
                        }
                    }
                    pending = null;
                    log.add("-- " + p[0]);
                } else if (line.startsWith("C: ") || line.equals("C:")) {
                    send(line.length() > 3 ? line.substring(3) : "", true);
                } else if (line.startsWith("R*")) {
                    int colon = line.indexOf(':');
                    int n = Integer.parseInt(line.substring(2, colon));
                    send(unescape(line.substring(colon + 2)).repeat(n), false);
                } else if (line.startsWith("C*")) {
                    int colon = line.indexOf(':');
                    int n = Integer.parseInt(line.substring(2, colon));
                    String text = line.substring(colon + 2);
                    StringBuilder sb = new StringBuilder();
                    for (int k = 0; k < n; k++) {
                        sb.append(text).append("\r\n");
                    }
                    send(sb.toString(), false);
                } else if (line.startsWith("R: ")) {
                    send(unescape(line.substring(3)), false);
                } else if (line.startsWith("S: ") || line.equals("S:")) {
                    String regex = line.length() > 3 ? line.substring(3) : "";
                    String got;
                    try {
                        got = pending != null ? pending : current.readLine();
                    } catch (java.net.SocketTimeoutException e) {
                        fail(where + ": expected /" + regex + "/ but the server sent nothing for 15 s\n"
                                + String.join("\n", log));
                        return;
                    }
                    pending = null;
                    log.add("S: " + got);
                    Matcher m = got == null ? null : Pattern.compile(regex).matcher(got);
                    if (m == null || !m.matches()) {
                        fail(where + ": expected /" + regex + "/ but server sent: " + got + "\n" + String.join("\n", log));
                    }
                    Matcher names = GROUP_NAME.matcher(regex);
                    while (names.find()) {
                        vars.put(names.group(1), m.group(names.group(1)));
                    }
                } else if (line.startsWith("U: ") || line.startsWith("U?: ")) {
                    List<String> regexes = new ArrayList<>();
                    List<Boolean> optional = new ArrayList<>();
                    int last = i;
                    for (int k = i; k < lines.size(); k++) {
                        String l = lines.get(k);
                        if (l.startsWith("U: ") || l.startsWith("U?: ")) {
                            boolean opt = l.startsWith("U?: ");
                            regexes.add(substitute(l).substring(opt ? 4 : 3));
                            optional.add(opt);
                            last = k;
                        } else if (!l.isBlank() && !l.startsWith("#")) {
                            break;
                        }
                    }
                    int required = (int) optional.stream().filter(o -> !o).count();
                    List<String> got = new ArrayList<>();
                    while (got.size() < regexes.size()) {
                        String g = pending != null ? pending : current.readLine();
                        pending = null;
                        // Past the required count, a line that matches none of the block ends it (optional absent).
                        if (got.size() >= required && (g == null || regexes.stream().noneMatch(g::matches))) {
                            pending = g;
                            break;
                        }
                        log.add("S: " + g);
                        got.add(g == null ? "(connection closed)" : g);
                    }
                    Matcher[] byLine = new Matcher[got.size()];
                    boolean[] used = new boolean[regexes.size()];
                    if (!assign(regexes, got, 0, used, byLine, optional)) {
                        fail(where + ": expected lines matching, in any order, " + regexes + " (optional: " + optional
                                + ") but server sent: " + got + "\n" + String.join("\n", log));
                    }
                    for (Matcher m : byLine) {
                        Matcher names = GROUP_NAME.matcher(m.pattern().pattern());
                        while (names.find()) {
                            vars.put(names.group(1), m.group(names.group(1)));
                        }
                    }
                    i = last;
                } else if (line.startsWith("S*: ")) {
                    String regex = line.substring(4);
                    String got;
                    while ((got = current.readLine()) != null && got.matches(regex)) {
                        log.add("S: " + got);
                    }
                    pending = got;
                } else if (line.equals("EOF:")) {
                    String got = pending != null ? pending : readOrEof(current);
                    if (got != null) {
                        fail(where + ": expected the server to close, but it sent: " + got + "\n" + String.join("\n", log));
                    }
                    log.add("(closed)");
                } else if (line.equals("CLOSE:")) {
                    current.close();
                    log.add("(client closed)");
                } else if (line.startsWith("@user ")) {
                    String name = line.substring(6).trim();
                    // Fixed length (19), so that a transcript can send it as an IMAP literal of known count.
                    String pw = String.format("Pw-%016x", System.nanoTime());
                    String address = AdminClient.newUser(name.toLowerCase(), pw);
                    vars.put(name, address);
                    vars.put(name + "_password", pw);
                    vars.put(name + "_plain", saslPlain(address, pw));
                    vars.put(name + "_badplain", saslPlain(address, "wrong-" + pw));
                } else if (line.startsWith("@deliver ")) {
                    String[] p = line.substring(9).trim().split("\\s+");
                    MailTools.awaitMessages(vars.get(p[0]), vars.get(p[0] + "_password"), Integer.parseInt(p[1]),
                            Duration.ofSeconds(20));
                } else if (line.startsWith("@group ")) {
                    String[] p = line.substring(7).trim().split("\\s+");
                    List<String> members = new ArrayList<>();
                    for (int k = 1; k < p.length; k++) {
                        members.add(vars.getOrDefault(p[k], p[k]));
                    }
                    vars.put(p[0], AdminClient.newGroup(p[0].toLowerCase(), members));
                } else if (line.startsWith("@admin ")) {
                    String[] p = line.substring(7).trim().split("\\s+", 3);
                    AdminClient.Reply r = AdminClient.asAdmin(p[0], p[1], p.length > 2 ? p[2] : null);
                    log.add("@admin " + line.substring(7).trim() + " -> " + r.status());
                    if (r.status() / 100 != 2) {
                        fail(where + ": admin API answered " + r + "\n" + String.join("\n", log));
                    }
                } else if (line.startsWith("@sleep ")) {
                    Thread.sleep(Long.parseLong(line.substring(7).trim()));
                } else {
                    fail(where + ": unknown transcript directive: " + raw);
                }
            }
        } finally {
            for (Conn c : conns.values()) {
                c.close();
            }
        }
    }

    /** RFC 4616 §2: {@code [authzid] NUL authcid NUL passwd}, base64 as IMAP AUTHENTICATE sends it (RFC 3501 §6.2.2). */
    static String saslPlain(String user, String password) {
        return java.util.Base64.getEncoder()
                .encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Matches got[line..] to distinct unused regexes so that every required one is used, backtracking (blocks are a
     * few lines long).
     */
    private static boolean assign(List<String> regexes, List<String> got, int line, boolean[] used, Matcher[] byLine,
            List<Boolean> optional) {
        if (line == got.size()) {
            for (int r = 0; r < used.length; r++) {
                if (!used[r] && !optional.get(r)) {
                    return false;
                }
            }
            return true;
        }
        for (int r = 0; r < regexes.size(); r++) {
            if (used[r]) {
                continue;
            }
            Matcher m = Pattern.compile(regexes.get(r)).matcher(got.get(line));
            if (m.matches()) {
                used[r] = true;
                byLine[line] = m;
                if (assign(regexes, got, line + 1, used, byLine, optional)) {
                    return true;
                }
                used[r] = false;
            }
        }
        return false;
    }

    private void send(String text, boolean crlf) throws IOException {
        String shown = text.length() > 200 ? text.substring(0, 200) + "...(" + text.length() + " chars)" : text;
        log.add("C: " + shown.replace("\r", "\\r").replace("\n", "\\n"));
        byte[] b = (crlf ? text + "\r\n" : text).getBytes(StandardCharsets.UTF_8);
        current.out.write(b);
        current.out.flush();
    }

    private static String readOrEof(Conn c) throws IOException {
        try {
            return c.readLine();
        } catch (SocketTimeoutException e) {
            return "(nothing, and the connection stayed open)";
        } catch (java.net.SocketException e) {
            return null; // reset by the server: closed
        }
    }

    private String substitute(String s) {
        Matcher m = VAR.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = vars.get(m.group(1));
            if (v == null) {
                throw new IllegalArgumentException("undefined transcript variable ${" + m.group(1) + "}");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                sb.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'r' -> sb.append('\r');
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case '\\' -> sb.append('\\');
                case 'x' -> {
                    sb.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                default -> sb.append('\\').append(n);
            }
        }
        return sb.toString();
    }
}
