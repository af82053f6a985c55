import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IMAP load generator of issue #3: N concurrent clients, one thread and one account each, loop over a whole IMAP
 * session (RFC 9051 / RFC 3501) for a fixed time and the latency of every command is recorded.
 *
 * <p>Run it with the JDK's source launcher, no build and no dependencies: {@code java bench/ImapBench.java --help}.
 * {@code bench/imap-bench} drives it against Dovecot and Atrium; it can also be pointed at any IMAP server.
 *
 * <p>One iteration of a client, each step timed from the first byte sent to the tagged response read:
 * <ol>
 *   <li>CONNECT: TCP connect and the server greeting (RFC 3501 §7.1.1);</li>
 *   <li>LOGIN user password (§6.2.3);</li>
 *   <li>SELECT INBOX (§6.3.1), which gives the message count n from the untagged EXISTS;</li>
 *   <li>FETCH 1:* (FLAGS) (§6.4.5), checked to return n FETCH responses;</li>
 *   <li>FETCH a:a+4 (ENVELOPE) of five consecutive messages at random;</li>
 *   <li>FETCH b BODY[] of one message at random, checked to return a non-empty literal;</li>
 *   <li>STORE c +FLAGS (\Seen) then STORE c +FLAGS (\Deleted) on one message c at random (§6.4.6);</li>
 *   <li>EXPUNGE (§6.4.3), checked to expunge at least one message;</li>
 *   <li>APPEND INBOX of a message of --size octets (§6.3.11), as a non-synchronizing literal when the server
 *       advertises LITERAL+ (or LITERAL- and the message fits its 4096 octets, RFC 7888), else synchronizing;</li>
 *   <li>LOGOUT (§6.1.3), then the connection is closed.</li>
 * </ol>
 * EXPUNGE removes one message and APPEND adds one, so each mailbox keeps the size it was seeded with.
 *
 * <p>Invariants: every client uses its own account, so sequence numbers are never changed under it by another
 * session; before the clock starts every mailbox is brought to exactly --seed messages (the "seed" phase, APPEND
 * over IMAP, so every server under test is seeded the same way); a command counts in the figures when it started
 * and ended inside the measured window (after --warmup, for --duration seconds); clients finish the iteration they
 * are in when the window closes, so no mailbox is left with a message flagged but not expunged. Every NO, BAD,
 * unexpected BYE, time-out, dropped connection or failed check counts as an error of that command and is printed.
 */
public final class ImapBench {

    /** The timed steps, in the order of one iteration. */
    enum Step {
        CONNECT("CONNECT+greeting"), LOGIN("LOGIN"), SELECT("SELECT INBOX"), FETCH_FLAGS("FETCH 1:* (FLAGS)"),
        FETCH_ENVELOPE("FETCH n:n+4 (ENVELOPE)"), FETCH_BODY("FETCH n BODY[]"), STORE_SEEN("STORE +FLAGS (\\Seen)"),
        STORE_DELETED("STORE +FLAGS (\\Deleted)"), EXPUNGE("EXPUNGE"), APPEND("APPEND"), LOGOUT("LOGOUT");

        final String label;

        Step(String label) {
            this.label = label;
        }
    }

    /** How literals from the client are sent (RFC 7888). */
    enum LiteralMode { SYNCHRONIZING, LITERAL_PLUS, LITERAL_MINUS }

    record Options(String host, int port, int clients, int duration, int warmup, int seed, String userFormat,
                   int firstUser, String password, int size, int timeoutSeconds, String label, Path json,
                   boolean seedOnly, long serverPid) {
    }

    /** A failed command: the step, the client, what happened, and whether it was inside the measured window. */
    record Failure(Step step, int client, String detail, boolean measured) {
    }

    /** The parts of one command's responses that the checks need. */
    static final class Response {
        String status = "";
        String taggedLine = "";
        int exists = -1;
        int fetches;
        int expunges;
        long literalOctets;
        boolean bye;
        String capability;
    }

    /** Thrown on a NO/BAD/BYE or a failed check: the session goes on or ends as the caller decides. */
    static final class CommandFailed extends Exception {
        private static final long serialVersionUID = 1L;

        CommandFailed(String message) {
            super(message, null, false, false);
        }
    }

    private static final Pattern EXISTS = Pattern.compile("^\\* (\\d+) EXISTS", Pattern.CASE_INSENSITIVE);
    private static final Pattern EXPUNGE_RESP = Pattern.compile("^\\* \\d+ EXPUNGE", Pattern.CASE_INSENSITIVE);
    private static final Pattern FETCH_RESP = Pattern.compile("^\\* \\d+ FETCH", Pattern.CASE_INSENSITIVE);
    private static final Pattern CAPABILITY_CODE = Pattern.compile("\\[CAPABILITY ([^\\]]*)\\]",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LITERAL_AT_END = Pattern.compile("\\{(\\d+)\\}$");

    /** One IMAP connection: raw socket, buffered streams, tag counter, response reader that handles literals. */
    static final class Connection implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final byte[] lineBuffer = new byte[1 << 16];
        private final byte[] sink = new byte[1 << 16];
        private int tagCounter;
        String greeting;

        Connection(String host, int port, int timeoutMillis) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(timeoutMillis);
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
        }

        String nextTag() {
            return "A" + (++tagCounter);
        }

        /** Reads one line without its CRLF (ISO-8859-1); lines longer than the buffer are cut, which no check needs. */
        String readLine() throws IOException {
            int n = 0;
            while (true) {
                int b = in.read();
                if (b < 0) {
                    throw new EOFException("connection closed by the server");
                }
                if (b == '\n') {
                    if (n > 0 && lineBuffer[n - 1] == '\r') {
                        n--;
                    }
                    return new String(lineBuffer, 0, n, StandardCharsets.ISO_8859_1);
                }
                if (n < lineBuffer.length) {
                    lineBuffer[n++] = (byte) b;
                }
            }
        }

        /** Reads a whole server response line, reading past every literal {n} inside it (RFC 3501 §4.3). */
        String readResponseLine(Response r) throws IOException {
            StringBuilder whole = null;
            String line = readLine();
            while (true) {
                Matcher m = LITERAL_AT_END.matcher(line);
                if (!m.find()) {
                    break;
                }
                long octets = Long.parseLong(m.group(1));
                skip(octets);
                if (r != null) {
                    r.literalOctets += octets;
                }
                if (whole == null) {
                    whole = new StringBuilder(line);
                } else {
                    whole.append(line);
                }
                whole.append("<literal>");
                line = readLine();
            }
            if (whole == null) {
                return line;
            }
            return whole.append(line).toString();
        }

        private void skip(long octets) throws IOException {
            long left = octets;
            while (left > 0) {
                int got = in.read(sink, 0, (int) Math.min(sink.length, left));
                if (got < 0) {
                    throw new EOFException("connection closed inside a literal");
                }
                left -= got;
            }
        }

        void send(String line) throws IOException {
            out.write(line.getBytes(StandardCharsets.ISO_8859_1));
            out.write('\r');
            out.write('\n');
            out.flush();
        }

        /** Reads untagged responses up to the tagged one of {@code tag}; a continuation request ends it too. */
        Response readUntilTagged(String tag, Response r, boolean stopAtContinuation) throws IOException {
            String prefix = tag + " ";
            while (true) {
                String line = readResponseLine(r);
                if (line.startsWith(prefix)) {
                    r.taggedLine = line;
                    int sp = line.indexOf(' ', prefix.length());
                    r.status = (sp < 0 ? line.substring(prefix.length()) : line.substring(prefix.length(), sp))
                            .toUpperCase(Locale.ROOT);
                    Matcher c = CAPABILITY_CODE.matcher(line);
                    if (c.find()) {
                        r.capability = c.group(1);
                    }
                    return r;
                }
                if (line.startsWith("+")) {
                    if (stopAtContinuation) {
                        r.status = "+";
                        r.taggedLine = line;
                        return r;
                    }
                    continue;
                }
                if (!line.startsWith("* ")) {
                    throw new IOException("unexpected line from the server: " + abbreviate(line));
                }
                Matcher m = EXISTS.matcher(line);
                if (m.find()) {
                    r.exists = Integer.parseInt(m.group(1));
                } else if (FETCH_RESP.matcher(line).find()) {
                    r.fetches++;
                } else if (EXPUNGE_RESP.matcher(line).find()) {
                    r.expunges++;
                } else if (line.regionMatches(true, 2, "BYE", 0, 3)) {
                    r.bye = true;
                    r.taggedLine = line;
                } else if (line.regionMatches(true, 2, "CAPABILITY ", 0, 11)) {
                    r.capability = line.substring(13);
                }
            }
        }

        Response command(String command) throws IOException {
            String tag = nextTag();
            send(tag + " " + command);
            return readUntilTagged(tag, new Response(), false);
        }

        /** APPEND with the message as a literal of the given mode; the tagged response is returned. */
        Response append(String mailbox, byte[] message, LiteralMode mode) throws IOException {
            String tag = nextTag();
            boolean nonSync = mode == LiteralMode.LITERAL_PLUS
                    || (mode == LiteralMode.LITERAL_MINUS && message.length <= 4096);
            String head = tag + " APPEND " + mailbox + " {" + message.length + (nonSync ? "+}" : "}");
            if (nonSync) {
                out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                out.write('\r');
                out.write('\n');
            } else {
                send(head);
                Response cont = readUntilTagged(tag, new Response(), true);
                if (!"+".equals(cont.status)) {
                    return cont;    // the server refused the literal with a tagged NO/BAD
                }
            }
            out.write(message);
            out.write('\r');
            out.write('\n');
            out.flush();
            return readUntilTagged(tag, new Response(), false);
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing after an error or after LOGOUT: nothing more to learn from the socket
            }
        }
    }

    /** Latencies of one step of one client, in nanoseconds, plus its error count. */
    static final class Samples {
        long[] nanos = new long[1024];
        int count;
        int errors;

        void add(long n) {
            if (count == nanos.length) {
                nanos = Arrays.copyOf(nanos, count * 2);
            }
            nanos[count++] = n;
        }
    }

    private final Options o;
    private final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
    private final AtomicLong iterations = new AtomicLong();
    private final String runId = Long.toHexString(System.currentTimeMillis());
    private final String date = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
            java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC));
    private final byte[] bodyTemplate;
    private volatile LiteralMode literalMode = LiteralMode.SYNCHRONIZING;
    private volatile String capabilities = "";

    private ImapBench(Options o) {
        this.o = o;
        this.bodyTemplate = makeBody(o.size());
    }

    // ---- messages ----------------------------------------------------------------------------------------------

    private static final String[] WORDS = ("the quarterly report shows that mail flow remained stable while storage "
            + "grew by a modest amount please review the attached figures before thursday and send your comments to "
            + "the team so that we can finalise the plan for next month including budget staffing migration schedule "
            + "and risks").split(" ");

    /** English-like text lines of at most 76 characters, deterministic, enough for any message size asked for. */
    private static byte[] makeBody(int size) {
        SplittableRandom rnd = new SplittableRandom(42);
        StringBuilder sb = new StringBuilder(size + 100);
        while (sb.length() < size) {
            StringBuilder line = new StringBuilder();
            while (true) {
                String w = WORDS[rnd.nextInt(WORDS.length)];
                if (line.length() + w.length() + 1 > 72) {
                    break;
                }
                line.append(line.length() == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : " " + w);
            }
            sb.append(line).append(".\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A message of exactly --size octets (when --size leaves room for the header) with a unique Message-ID. */
    byte[] message(int client, long seq, String user) {
        String head = "From: Bench Sender <loadgen@bench.example>\r\n"
                + "To: <" + user + ">\r\n"
                + "Subject: IMAP benchmark message " + seq + " of client " + client + "\r\n"
                + "Date: " + date + "\r\n"
                + "Message-ID: <imapbench." + runId + "." + client + "." + seq + "@bench.atrium.test>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=us-ascii\r\n"
                + "\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        int bodyLength = Math.max(0, o.size() - h.length);
        // cut the template at a line end so the message stays well-formed, leaving room for a last padded line
        int cut = bodyLength;
        while (cut > 0 && (bodyTemplate[cut - 1] != '\n' || bodyLength - cut == 1)) {
            cut--;
        }
        byte[] m = new byte[h.length + bodyLength];
        System.arraycopy(h, 0, m, 0, h.length);
        System.arraycopy(bodyTemplate, 0, m, h.length, cut);
        // pad the last line with spaces up to the exact size, then CRLF (keeps the size exact and the text valid)
        for (int i = h.length + cut; i < m.length; i++) {
            m[i] = ' ';
        }
        if (m.length - (h.length + cut) >= 2) {
            m[m.length - 2] = '\r';
            m[m.length - 1] = '\n';
        }
        return m;
    }

    String user(int client) {
        return String.format(Locale.ROOT, o.userFormat(), o.firstUser() + client);
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    // ---- seed phase --------------------------------------------------------------------------------------------

    /** Brings client i's INBOX to exactly --seed messages, with nothing flagged \Deleted left behind. */
    private void seed(int client) throws IOException, CommandFailed {
        String user = user(client);
        try (Connection c = new Connection(o.host(), o.port(), o.timeoutSeconds() * 1000)) {
            c.greeting = c.readResponseLine(null);
            if (!c.greeting.regionMatches(true, 0, "* OK", 0, 4)) {
                throw new CommandFailed("greeting: " + abbreviate(c.greeting));
            }
            Response login = expectOk(c.command("LOGIN " + quote(user) + " " + quote(o.password())), "LOGIN " + user);
            String caps = login.capability;
            if (caps == null || !caps.toUpperCase(Locale.ROOT).contains("IMAP4")) {
                caps = expectOk(c.command("CAPABILITY"), "CAPABILITY").capability;
            }
            LiteralMode mode = literalModeOf(caps);
            if (client == 0) {
                setCapabilities(caps, mode);
            }
            Response sel = expectOk(c.command("SELECT INBOX"), "SELECT INBOX");
            int exists = sel.exists;
            if (exists < 0) {
                throw new CommandFailed("SELECT INBOX gave no EXISTS");
            }
            if (exists > o.seed()) {
                expectOk(c.command("STORE " + (o.seed() + 1) + ":* +FLAGS.SILENT (\\Deleted)"), "STORE");
            }
            Response ex = expectOk(c.command("EXPUNGE"), "EXPUNGE");
            exists -= ex.expunges;
            long n = 0;
            while (exists < o.seed()) {
                expectOk(c.append("INBOX", message(client, --n, user), mode), "APPEND");
                exists++;
            }
            c.command("LOGOUT");
        }
    }

    private void setCapabilities(String caps, LiteralMode mode) {
        capabilities = caps == null ? "(none announced)" : caps.trim();
        literalMode = mode;
    }

    /** LITERAL+ or LITERAL- when the authenticated server announces it (RFC 7888 §3, §4), else synchronizing. */
    static LiteralMode literalModeOf(String caps) {
        if (caps == null) {
            return LiteralMode.SYNCHRONIZING;
        }
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(Arrays.asList(caps.trim().split(" +")));
        return set.contains("LITERAL+") ? LiteralMode.LITERAL_PLUS
                : set.contains("LITERAL-") ? LiteralMode.LITERAL_MINUS : LiteralMode.SYNCHRONIZING;
    }

    private static Response expectOk(Response r, String what) throws CommandFailed {
        if (r.bye && !"OK".equals(r.status)) {
            throw new CommandFailed(what + ": " + abbreviate(r.taggedLine));
        }
        if (!"OK".equals(r.status)) {
            throw new CommandFailed(what + ": " + abbreviate(r.taggedLine));
        }
        return r;
    }

    // ---- the measured loop -------------------------------------------------------------------------------------

    /** One client: iterations until the window closes; returns its samples per step. */
    private Map<Step, Samples> runClient(int client, long measureStart, long measureEnd) {
        Map<Step, Samples> samples = new EnumMap<>(Step.class);
        for (Step s : Step.values()) {
            samples.put(s, new Samples());
        }
        SplittableRandom rnd = new SplittableRandom(client * 7919L + 1);
        String user = user(client);
        String loginCommand = "LOGIN " + quote(user) + " " + quote(o.password());
        long appendSeq = 0;
        while (System.nanoTime() < measureEnd) {
            Step step = Step.CONNECT;
            long t = System.nanoTime();
            Connection c = null;
            try {
                c = new Connection(o.host(), o.port(), o.timeoutSeconds() * 1000);
                c.greeting = c.readResponseLine(null);
                if (!c.greeting.regionMatches(true, 0, "* OK", 0, 4)) {
                    throw new CommandFailed(abbreviate(c.greeting));
                }
                t = record(samples, step, t, measureStart, measureEnd);

                step = Step.LOGIN;
                check(c.command(loginCommand), true);
                t = record(samples, step, t, measureStart, measureEnd);

                step = Step.SELECT;
                Response sel = check(c.command("SELECT INBOX"), true);
                int n = sel.exists;
                if (n < 1) {
                    throw new CommandFailed("SELECT INBOX: mailbox empty or no EXISTS (" + n + ")");
                }
                t = record(samples, step, t, measureStart, measureEnd);

                step = Step.FETCH_FLAGS;
                Response flags = check(c.command("FETCH 1:* (FLAGS)"), false);
                t = recordOrFail(samples, step, t, measureStart, measureEnd, client, flags,
                        flags.fetches == n ? null : "expected " + n + " FETCH responses, got " + flags.fetches);

                step = Step.FETCH_ENVELOPE;
                int a = 1 + rnd.nextInt(Math.max(1, n - 4));
                int b = Math.min(n, a + 4);
                Response env = check(c.command("FETCH " + a + ":" + b + " (ENVELOPE)"), false);
                t = recordOrFail(samples, step, t, measureStart, measureEnd, client, env,
                        env.fetches == b - a + 1 ? null
                                : "expected " + (b - a + 1) + " FETCH responses, got " + env.fetches);

                step = Step.FETCH_BODY;
                Response body = check(c.command("FETCH " + (1 + rnd.nextInt(n)) + " BODY[]"), false);
                t = recordOrFail(samples, step, t, measureStart, measureEnd, client, body,
                        body.fetches >= 1 && body.literalOctets > 0 ? null : "no BODY[] literal in the response");

                int victim = 1 + rnd.nextInt(n);
                step = Step.STORE_SEEN;
                Response seen = check(c.command("STORE " + victim + " +FLAGS (\\Seen)"), false);
                t = recordOrFail(samples, step, t, measureStart, measureEnd, client, seen, null);

                step = Step.STORE_DELETED;
                Response del = check(c.command("STORE " + victim + " +FLAGS (\\Deleted)"), false);
                t = recordOrFail(samples, step, t, measureStart, measureEnd, client, del, null);

                step = Step.EXPUNGE;
                Response exp = check(c.command("EXPUNGE"), false);
                boolean deleted = "OK".equals(del.status);
                t = recordOrFail(samples, step, t, measureStart, measureEnd, client, exp,
                        !deleted || exp.expunges >= 1 ? null : "no message expunged");

                step = Step.APPEND;
                Response app = check(c.append("INBOX", message(client, ++appendSeq, user), literalMode), false);
                t = recordOrFail(samples, step, t, measureStart, measureEnd, client, app, null);

                step = Step.LOGOUT;
                Response out = c.command("LOGOUT");
                if (!"OK".equals(out.status)) {
                    throw new CommandFailed(abbreviate(out.taggedLine));
                }
                record(samples, step, t, measureStart, measureEnd);
                iterations.incrementAndGet();
            } catch (CommandFailed | IOException e) {
                long now = System.nanoTime();
                String what = e instanceof SocketTimeoutException ? "timeout after " + o.timeoutSeconds() + " s"
                        : e instanceof CommandFailed ? e.getMessage() : e.toString();
                fail(samples, step, client, what, t >= measureStart && now <= measureEnd);
                pause(100);
            } finally {
                if (c != null) {
                    c.close();
                }
            }
        }
        return samples;
    }

    /** A tagged NO/BAD or a BYE ends the session when {@code fatal}; otherwise the caller decides. */
    private static Response check(Response r, boolean fatal) throws CommandFailed {
        if (r.bye || (fatal && !"OK".equals(r.status))) {
            throw new CommandFailed(abbreviate(r.taggedLine));
        }
        return r;
    }

    private long record(Map<Step, Samples> samples, Step step, long start, long measureStart, long measureEnd) {
        long end = System.nanoTime();
        if (start >= measureStart && end <= measureEnd) {
            samples.get(step).add(end - start);
        }
        return System.nanoTime();
    }

    /** Records a completed command, or an error when it was not OK or a check on its responses failed. */
    private long recordOrFail(Map<Step, Samples> samples, Step step, long start, long measureStart, long measureEnd,
                              int client, Response r, String checkFailure) {
        if ("OK".equals(r.status) && checkFailure == null) {
            return record(samples, step, start, measureStart, measureEnd);
        }
        long end = System.nanoTime();
        fail(samples, step, client, "OK".equals(r.status) ? checkFailure : abbreviate(r.taggedLine),
                start >= measureStart && end <= measureEnd);
        return System.nanoTime();
    }

    private void fail(Map<Step, Samples> samples, Step step, int client, String detail, boolean measured) {
        if (measured) {
            samples.get(step).errors++;
        }
        failures.add(new Failure(step, client, detail, measured));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- the run and the report --------------------------------------------------------------------------------

    private int run(PrintStream out) throws InterruptedException, IOException {
        String server = o.label() == null ? o.host() + ":" + o.port() : o.label();
        // seed, all clients in parallel
        long s0 = System.nanoTime();
        List<String> seedErrors = new ArrayList<>();
        parallel(i -> {
            try {
                seed(i);
            } catch (IOException | CommandFailed e) {
                synchronized (seedErrors) {
                    seedErrors.add(user(i) + ": " + (e instanceof CommandFailed ? e.getMessage() : e.toString()));
                }
            }
        });
        if (!seedErrors.isEmpty()) {
            seedErrors.forEach(e -> System.err.println("[imapbench] seed failed: " + e));
            return 2;
        }
        System.err.printf(Locale.ROOT, "[imapbench] %s: %d mailboxes at %d messages of %d octets in %.1f s;"
                        + " literals: %s; capabilities: %s%n", server, o.clients(), o.seed(), o.size(),
                (System.nanoTime() - s0) / 1e9, literalMode, capabilities);
        if (o.seedOnly()) {
            return 0;
        }

        long start = System.nanoTime();
        long measureStart = start + o.warmup() * 1_000_000_000L;
        long measureEnd = measureStart + o.duration() * 1_000_000_000L;
        System.err.printf(Locale.ROOT, "[imapbench] %s: %d clients, %d s warm-up, then %d s measured%n", server,
                o.clients(), o.warmup(), o.duration());
        @SuppressWarnings({"unchecked", "rawtypes"})
        Map<Step, Samples>[] perClient = new Map[o.clients()];
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long[] cpu = new long[6];
        Thread meter = new Thread(() -> {
            long wait = (measureStart - System.nanoTime()) / 1_000_000;
            if (wait > 0) {
                pause(wait);
            }
            cpu[0] = os.getProcessCpuTime();
            cpu[4] = serverCpuTicks(o.serverPid());
            long[] m0 = machineCpu();
            long left = (measureEnd - System.nanoTime()) / 1_000_000;
            if (left > 0) {
                pause(left);
            }
            cpu[1] = os.getProcessCpuTime();
            cpu[5] = serverCpuTicks(o.serverPid()) - cpu[4];
            long[] m1 = machineCpu();
            if (m0 != null && m1 != null) {
                cpu[2] = m1[0] - m0[0];
                cpu[3] = m1[1] - m0[1];
            }
        });
        meter.setDaemon(true);
        meter.start();
        parallel(i -> perClient[i] = runClient(i, measureStart, measureEnd));
        meter.join();

        Map<Step, long[]> merged = new EnumMap<>(Step.class);
        Map<Step, Integer> errors = new EnumMap<>(Step.class);
        for (Step s : Step.values()) {
            int total = 0;
            int errs = 0;
            for (Map<Step, Samples> m : perClient) {
                total += m.get(s).count;
                errs += m.get(s).errors;
            }
            long[] all = new long[total];
            int k = 0;
            for (Map<Step, Samples> m : perClient) {
                Samples x = m.get(s);
                System.arraycopy(x.nanos, 0, all, k, x.count);
                k += x.count;
            }
            Arrays.sort(all);
            merged.put(s, all);
            errors.put(s, errs);
        }
        long[] everything = merged.values().stream().flatMapToLong(Arrays::stream).sorted().toArray();
        int totalErrors = errors.values().stream().mapToInt(Integer::intValue).sum();
        double secs = o.duration();

        out.printf(Locale.ROOT, "%n%s: %d clients, %d s measured after %d s warm-up, %d messages of %d octets per"
                        + " mailbox, APPEND literals %s%n", server, o.clients(), o.duration(), o.warmup(), o.seed(),
                o.size(), literalMode.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        String fmt = "%-26s %9s %9s %8s %8s %8s %8s %7s%n";
        out.printf(Locale.ROOT, fmt, "command", "count", "cmd/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "errors");
        StringBuilder json = new StringBuilder();
        json.append("{\"server\":").append(jsonString(server)).append(",\"clients\":").append(o.clients())
                .append(",\"duration_s\":").append(o.duration()).append(",\"warmup_s\":").append(o.warmup())
                .append(",\"seed\":").append(o.seed()).append(",\"size\":").append(o.size())
                .append(",\"literal_mode\":\"").append(literalMode).append("\",\"commands\":{");
        boolean first = true;
        for (Step s : Step.values()) {
            long[] v = merged.get(s);
            out.printf(Locale.ROOT, fmt, s.label, v.length, f1(v.length / secs), ms(v, 50), ms(v, 90), ms(v, 99),
                    v.length == 0 ? "-" : f2(v[v.length - 1] / 1e6), errors.get(s));
            json.append(first ? "" : ",").append('"').append(s.name()).append("\":").append(jsonStats(v, errors.get(s),
                    secs));
            first = false;
        }
        out.printf(Locale.ROOT, fmt, "all commands", everything.length, f1(everything.length / secs),
                ms(everything, 50), ms(everything, 90), ms(everything, 99),
                everything.length == 0 ? "-" : f2(everything[everything.length - 1] / 1e6), totalErrors);
        double clientCpu = (cpu[1] - cpu[0]) / 1e9;
        double machineBusy = cpu[3] > 0 ? 100.0 * cpu[2] / cpu[3] : -1;
        int cores = Runtime.getRuntime().availableProcessors();
        long iters = Arrays.stream(perClient).mapToLong(m -> m.get(Step.LOGOUT).count).sum();
        out.printf(Locale.ROOT, "SUMMARY %s: %.1f commands/s, %.1f sessions/s, p99 %s ms, errors %d"
                        + " (bench client CPU %.1f s = %.0f%% of one core; machine CPU busy %.0f%% of %d cores)%n",
                server, everything.length / secs, iters / secs, ms(everything, 99), totalErrors, clientCpu,
                100 * clientCpu / secs, machineBusy, cores);
        double serverCpu = o.serverPid() > 0 && cpu[4] >= 0 ? cpu[5] / (double) CLOCK_TICKS : -1;
        if (serverCpu >= 0) {
            out.printf(Locale.ROOT, "server CPU (pid %d and its child processes) in the measured window: %.1f s ="
                            + " %.2f ms per command, %.1f ms per session%n", o.serverPid(), serverCpu,
                    everything.length == 0 ? 0 : 1000 * serverCpu / everything.length,
                    iters == 0 ? 0 : 1000 * serverCpu / iters);
        }
        List<Failure> all = new ArrayList<>(failures);
        long warm = all.stream().filter(f -> !f.measured()).count();
        if (!all.isEmpty()) {
            out.printf(Locale.ROOT, "errors: %d in the measured window, %d in warm-up or at its edges; the first:%n",
                    all.size() - warm, warm);
            all.stream().limit(20).forEach(f -> out.printf(Locale.ROOT, "  client %d (%s) %s: %s%n", f.client(),
                    user(f.client()), f.step().label, f.detail()));
        }
        json.append("},\"total\":").append(jsonStats(everything, totalErrors, secs))
                .append(",\"sessions_per_s\":").append(f1(iters / secs))
                .append(",\"errors_outside_window\":").append(warm)
                .append(",\"client_cpu_s\":").append(f2(clientCpu))
                .append(",\"server_cpu_s\":").append(serverCpu >= 0 ? f2(serverCpu) : "null")
                .append(",\"machine_cpu_busy_pct\":").append(f1(machineBusy))
                .append(",\"cores\":").append(cores).append('}');
        if (o.json() != null) {
            Files.writeString(o.json(), json + "\n");
        }
        out.flush();
        return all.isEmpty() ? 0 : 1;
    }

    /** USER_HZ, the unit of the times in /proc/PID/stat: 100 on every Linux architecture Java runs on. */
    private static final int CLOCK_TICKS = 100;

    /**
     * CPU time of a server in clock ticks: the process itself, its children that ended and were waited for (cutime,
     * cstime: Dovecot's per-connection processes end up there) and its live children, or -1 without /proc. The
     * difference of two readings is the CPU the server used in between, whichever processes did the work.
     */
    static long serverCpuTicks(long pid) {
        if (pid <= 0) {
            return -1;
        }
        long[] own = procStat(Path.of("/proc", Long.toString(pid), "stat"));
        if (own == null) {
            return -1;
        }
        long total = own[1];
        try (var dirs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path d : dirs) {
                long[] st = procStat(d.resolve("stat"));
                if (st != null && st[0] == pid) {
                    total += st[1];
                }
            }
        } catch (IOException | RuntimeException e) {
            return total;
        }
        return total;
    }

    /** {ppid, utime + stime + cutime + cstime} from a /proc/PID/stat, or null when the process is gone. */
    private static long[] procStat(Path stat) {
        try {
            String text = Files.readString(stat);
            String[] f = text.substring(text.lastIndexOf(')') + 2).trim().split(" ");
            // after the command name: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14)
            return new long[] {Long.parseLong(f[1]),
                    Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** busy and total jiffies of the whole machine from /proc/stat, or null where there is none. */
    private static long[] machineCpu() {
        try {
            String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = first.trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String jsonStats(long[] v, int errors, double secs) {
        return String.format(Locale.ROOT, "{\"count\":%d,\"per_s\":%s,\"p50_ms\":%s,\"p90_ms\":%s,\"p99_ms\":%s,"
                        + "\"max_ms\":%s,\"errors\":%d}", v.length, f1(v.length / secs), jsonNumber(ms(v, 50)),
                jsonNumber(ms(v, 90)), jsonNumber(ms(v, 99)),
                v.length == 0 ? "null" : f2(v[v.length - 1] / 1e6), errors);
    }

    private static String jsonNumber(String s) {
        return "-".equals(s) ? "null" : s;
    }

    private static String jsonString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Nearest-rank percentile of sorted nanoseconds, in milliseconds. */
    static String ms(long[] sorted, int pct) {
        if (sorted.length == 0) {
            return "-";
        }
        int rank = (int) Math.ceil(pct / 100.0 * sorted.length);
        return f2(sorted[Math.max(0, rank - 1)] / 1e6);
    }

    static String f1(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    static String f2(double d) {
        return String.format(Locale.ROOT, "%.2f", d);
    }

    private void parallel(java.util.function.IntConsumer body) throws InterruptedException {
        Thread[] threads = new Thread[o.clients()];
        for (int i = 0; i < threads.length; i++) {
            int client = i;
            threads[i] = new Thread(() -> body.accept(client), "imap-client-" + (i + 1));
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    // ---- command line ------------------------------------------------------------------------------------------

    private static final String USAGE = """
            usage: java bench/ImapBench.java [options]
              --host H            server address (127.0.0.1)
              --port P            IMAP port (143)
              --clients N         concurrent clients, one account and one thread each (10)
              --duration S        measured seconds (30)
              --warmup S          seconds of the same load before the measurement starts (10)
              --seed N            messages in each INBOX before the clock starts (200)
              --user FORMAT       account name of client i, a String.format pattern given i (user%d)
              --first-user N      number of the first account (1): accounts FORMAT(N) .. FORMAT(N+clients-1)
              --password P        password of every account (or env IMAPBENCH_PASSWORD)
              --size N            octets of each appended message (4096)
              --timeout S         seconds before a command counts as timed out (30)
              --label NAME        name of the server in the report (host:port)
              --json FILE         also write the figures as one JSON object to FILE
              --seed-only         only bring the mailboxes to --seed messages, measure nothing
              --server-pid PID    also report the CPU time of this server process and its children (Linux)
            Exit status: 0 no errors, 1 errors during the run, 2 seeding or arguments failed.
            """;

    static Options parse(String[] args) {
        String host = "127.0.0.1";
        int port = 143;
        int clients = 10;
        int duration = 30;
        int warmup = 10;
        int seed = 200;
        String user = "user%d";
        int firstUser = 1;
        String password = System.getenv("IMAPBENCH_PASSWORD");
        int size = 4096;
        int timeout = 30;
        String label = null;
        Path json = null;
        boolean seedOnly = false;
        long serverPid = 0;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                System.out.print(USAGE);
                System.exit(0);
            }
            if (a.equals("--seed-only")) {
                seedOnly = true;
                continue;
            }
            if (i + 1 >= args.length) {
                usage("missing value after " + a);
            }
            String v = args[++i];
            switch (a) {
                case "--host" -> host = v;
                case "--port" -> port = positive(a, v);
                case "--clients" -> clients = positive(a, v);
                case "--duration" -> duration = positive(a, v);
                case "--warmup" -> warmup = nonNegative(a, v);
                case "--seed" -> seed = positive(a, v);
                case "--user" -> user = v;
                case "--first-user" -> firstUser = nonNegative(a, v);
                case "--password" -> password = v;
                case "--size" -> size = positive(a, v);
                case "--timeout" -> timeout = positive(a, v);
                case "--label" -> label = v;
                case "--json" -> json = Path.of(v);
                case "--server-pid" -> serverPid = positive(a, v);
                default -> usage("unknown option " + a);
            }
        }
        if (password == null) {
            usage("no password: give --password or set IMAPBENCH_PASSWORD");
        }
        if (seed < 5) {
            usage("--seed must be at least 5 (the ENVELOPE fetch takes five messages)");
        }
        if (size < 512) {
            usage("--size must be at least 512 octets");
        }
        return new Options(host, port, clients, duration, warmup, seed, user, firstUser, password, size, timeout,
                label, json, seedOnly, serverPid);
    }

    private static int positive(String name, String v) {
        int n = nonNegative(name, v);
        if (n < 1) {
            usage(name + " must be at least 1");
        }
        return n;
    }

    private static int nonNegative(String name, String v) {
        try {
            int n = Integer.parseInt(v);
            if (n < 0) {
                usage(name + " must not be negative");
            }
            return n;
        } catch (NumberFormatException e) {
            usage(name + " needs a number, not " + v);
            return 0;
        }
    }

    private static void usage(String problem) {
        System.err.println("ImapBench: " + problem);
        System.err.print(USAGE);
        System.exit(2);
    }

    public static void main(String[] args) throws Exception {
        System.exit(new ImapBench(parse(args)).run(System.out));
    }
}
