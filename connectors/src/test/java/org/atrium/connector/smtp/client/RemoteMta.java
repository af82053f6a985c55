package org.atrium.connector.smtp.client;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocket;
import org.atrium.connector.host.SelfSignedTls;

/**
 * A scriptable fake remote MTA on loopback for the SMTP client's tests and the transport integration tests: it speaks
 * enough of the server side of RFC 5321 (EHLO/HELO, STARTTLS with a self-signed certificate, MAIL, RCPT, DATA, RSET,
 * NOOP, QUIT) to play the next hop, answers what the test scripted, and records every transaction.
 *
 * <p>Thread-safe: one daemon thread per connection, settings may be changed between (not during) transactions.
 * Commands are answered one by one in the order they were read, which is what a PIPELINING server does (RFC 2920
 * §3.1); {@link Transaction#pipelined()} tells whether the client had already sent more after MAIL FROM before it got
 * the MAIL reply.
 *
 * <pre>{@code
 * try (RemoteMta mta = RemoteMta.start()) {
 *     mta.ehloKeywords("PIPELINING", "SIZE 1000000", "8BITMIME", "DSN")
 *        .rcptReply("nobody@remote.example", "550 5.1.1 no such user")
 *        .dataEndReplies("451 4.3.0 later", "451 4.3.0 later");
 *     ... deliver to [127.0.0.1]:mta.port() ...
 *     mta.awaitTransactions(1, Duration.ofSeconds(5)).get(0).data();
 * }
 * }</pre>
 */
public final class RemoteMta implements AutoCloseable {

    /** One RCPT TO as received, and what was answered. */
    public record Rcpt(String address, String params, String reply) {
    }

    /**
     * One mail transaction that reached the end of its data (or failed at DATA).
     *
     * @param helo the EHLO/HELO argument
     * @param tls whether the session was under TLS
     * @param mailFrom the reverse-path without brackets
     * @param mailParams the MAIL parameters as sent ("" for none)
     * @param rcpts every RCPT, accepted or not
     * @param raw the data as sent, dot-stuffed, without the final ".CRLF"
     * @param data the data with dot-stuffing removed, what a receiver stores
     * @param reply the reply given to the end of data (or to DATA when it was refused)
     * @param pipelined whether more commands had arrived before the MAIL reply was sent
     */
    public record Transaction(String helo, boolean tls, String mailFrom, String mailParams, List<Rcpt> rcpts,
            byte[] raw, byte[] data, String reply, boolean pipelined) {

        public String dataAsString() {
            return new String(data, StandardCharsets.UTF_8);
        }

        /** The addresses that were accepted with a 2xx. */
        public List<String> acceptedRcpts() {
            return rcpts.stream().filter(r -> r.reply().startsWith("2")).map(Rcpt::address).toList();
        }
    }

    private static final int MAX_LINE = 1 << 20;

    private final ServerSocket server;
    private final Thread acceptor;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final List<Transaction> transactions = new ArrayList<>();
    private final List<String> commands = new ArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean closed;

    // Script; guarded by "this".
    private String greeting = "220 remote.test ESMTP RemoteMta";
    private List<String> ehloKeywords = List.of("PIPELINING", "SIZE 10485760", "8BITMIME", "DSN");
    private String ehloReply;
    private String mailReply = "250 2.1.0 ok";
    private final Map<String, String> rcptReplies = new HashMap<>();
    private String dataReply = "354 go ahead";
    private final Deque<String> dataEndReplies = new ArrayDeque<>();
    private final Map<String, Deque<String>> dataEndRepliesFor = new HashMap<>();
    private String defaultDataEndReply = "250 2.0.0 ok queued";
    private boolean brokenTls;
    private String stallAt;

    private RemoteMta(ServerSocket server) {
        this.server = server;
        this.acceptor = new Thread(this::acceptLoop, "remote-mta-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Listens on an ephemeral loopback port. */
    public static RemoteMta start() throws IOException {
        return start(0);
    }

    /** Listens on {@code port} (0: ephemeral) of 127.0.0.1. */
    public static RemoteMta start(int port) throws IOException {
        return start("127.0.0.1", port);
    }

    /** Listens on {@code port} (0: ephemeral) of {@code address}, e.g. a second loopback address 127.0.0.2. */
    public static RemoteMta start(String address, int port) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getByName(address), port), 50);
        return new RemoteMta(s);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The route value that sends a domain here: {@code [127.0.0.1]:port}. */
    public String route() {
        return "[127.0.0.1]:" + port();
    }

    /** The greeting reply, e.g. {@code "554 5.3.2 go away"}; default 220. */
    public synchronized RemoteMta greeting(String reply) {
        greeting = reply;
        return this;
    }

    /** The EHLO keywords to advertise, e.g. {@code "PIPELINING", "SIZE 1000", "8BITMIME", "DSN", "STARTTLS"}. */
    public synchronized RemoteMta ehloKeywords(String... keywords) {
        ehloKeywords = List.of(keywords);
        if (ehloKeywords.stream().anyMatch(k -> k.equalsIgnoreCase("STARTTLS"))) {
            // Generating the certificate (keytool) takes a while: not while a client waits for the handshake.
            SelfSignedTls.serverContext();
        }
        return this;
    }

    /** A failure reply to EHLO (e.g. {@code "502 5.5.1 no"}) so the client falls back to HELO; null: normal. */
    public synchronized RemoteMta ehloReply(String reply) {
        ehloReply = reply;
        return this;
    }

    public synchronized RemoteMta mailReply(String reply) {
        mailReply = reply;
        return this;
    }

    /** The reply to {@code RCPT TO:<address>}; others get 250. */
    public synchronized RemoteMta rcptReply(String address, String reply) {
        rcptReplies.put(address.toLowerCase(Locale.ROOT), reply);
        return this;
    }

    /** The reply to the DATA command itself (default 354). */
    public synchronized RemoteMta dataReply(String reply) {
        dataReply = reply;
        return this;
    }

    /** Replies for the next ends of data, in order; when used up, {@link #defaultDataEndReply}. */
    public synchronized RemoteMta dataEndReplies(String... replies) {
        dataEndReplies.addAll(Arrays.asList(replies));
        return this;
    }

    /**
     * Replies for the next ends of data of transactions whose first accepted recipient is {@code address}, in order;
     * they go before the shared {@link #dataEndReplies} queue, so concurrent tests do not take each other's.
     */
    public synchronized RemoteMta dataEndRepliesFor(String address, String... replies) {
        dataEndRepliesFor.computeIfAbsent(address.toLowerCase(Locale.ROOT), k -> new ArrayDeque<>())
                .addAll(Arrays.asList(replies));
        return this;
    }

    public synchronized RemoteMta defaultDataEndReply(String reply) {
        defaultDataEndReply = reply;
        return this;
    }

    /** Answers 220 to STARTTLS and then sends garbage instead of a TLS handshake. */
    public synchronized RemoteMta brokenTls(boolean broken) {
        brokenTls = broken;
        return this;
    }

    /**
     * Stops answering (keeps the connection open, reads and ignores) at a point: {@code "CONNECT"} (no greeting),
     * {@code "EHLO"}, {@code "MAIL"}, {@code "RCPT"}, {@code "DATA"} or {@code "DATA_END"}; null: never.
     */
    public synchronized RemoteMta stallAt(String point) {
        stallAt = point;
        return this;
    }

    /** Completed transactions so far. */
    public synchronized List<Transaction> transactions() {
        return List.copyOf(transactions);
    }

    /** Every command line received, in order, over all connections (data lines excluded). */
    public synchronized List<String> commands() {
        return List.copyOf(commands);
    }

    public int connections() {
        return connections.get();
    }

    /** Waits until at least {@code n} transactions were recorded; returns them all. */
    public synchronized List<Transaction> awaitTransactions(int n, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (transactions.size() < n) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("expected " + n + " transactions at the remote MTA, got "
                        + transactions.size() + "; commands: " + commands);
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return List.copyOf(transactions);
    }

    /** Forgets recorded transactions and commands (the script stays). */
    public synchronized void clear() {
        transactions.clear();
        commands.clear();
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                connections.incrementAndGet();
                open.add(s);
                Thread t = new Thread(() -> serve(s), "remote-mta-session-" + s.getPort());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("RemoteMta: accept failed: " + e);
                }
                return;
            }
        }
    }

    private synchronized void record(String command) {
        commands.add(command);
    }

    private synchronized void record(Transaction t) {
        transactions.add(t);
        notifyAll();
    }

    private synchronized boolean stalls(String point) {
        return point.equals(stallAt);
    }

    private synchronized String nextDataEndReply(List<Rcpt> rcpts) {
        for (Rcpt rcpt : rcpts) {
            if (rcpt.reply().startsWith("2")) {
                Deque<String> own = dataEndRepliesFor.get(rcpt.address().toLowerCase(Locale.ROOT));
                if (own != null && !own.isEmpty()) {
                    return own.poll();
                }
                break;
            }
        }
        String r = dataEndReplies.poll();
        return r != null ? r : defaultDataEndReply;
    }

    private void serve(Socket socket) {
        Session s = new Session();
        try (socket) {
            s.socket = socket;
            s.in = new BufferedInputStream(socket.getInputStream());
            s.out = socket.getOutputStream();
            if (stalls("CONNECT")) {
                drain(s);
                return;
            }
            String g;
            synchronized (this) {
                g = greeting;
            }
            s.reply(g);
            if (!g.startsWith("220")) {
                return;
            }
            while (!closed) {
                String line = s.readLine();
                if (line == null) {
                    return;
                }
                record(line);
                if (!command(s, line)) {
                    return;
                }
            }
        } catch (SocketException e) {
            // the client went away or we were closed
        } catch (IOException e) {
            if (!closed) {
                System.err.println("RemoteMta: session ended: " + e);
            }
        } finally {
            open.remove(socket);
        }
    }

    /** Handles one command; false ends the session. */
    private boolean command(Session s, String line) throws IOException {
        String upper = line.toUpperCase(Locale.ROOT);
        String verb = upper.split(" ", 2)[0];
        if (stalls(verb.equals("HELO") ? "EHLO" : verb)) {
            drain(s);
            return false;
        }
        switch (verb) {
            case "EHLO" -> {
                String failure;
                List<String> keywords;
                synchronized (this) {
                    failure = ehloReply;
                    keywords = ehloKeywords;
                }
                if (failure != null) {
                    s.reply(failure);
                    return true;
                }
                s.helo = line.length() > 5 ? line.substring(5).trim() : "";
                s.reset();
                List<String> lines = new ArrayList<>();
                lines.add("remote.test greets " + s.helo);
                for (String k : keywords) {
                    if (!(s.tls && k.equalsIgnoreCase("STARTTLS"))) {
                        lines.add(k);
                    }
                }
                s.multiline(250, lines);
            }
            case "HELO" -> {
                s.helo = line.length() > 5 ? line.substring(5).trim() : "";
                s.reset();
                s.reply("250 remote.test");
            }
            case "STARTTLS" -> {
                boolean broken;
                synchronized (this) {
                    broken = brokenTls;
                }
                if (s.tls) {
                    s.reply("503 5.5.1 already under TLS");
                    return true;
                }
                s.reply("220 2.0.0 ready to start TLS");
                if (broken) {
                    s.out.write("this is not a TLS server hello\r\n".getBytes(StandardCharsets.US_ASCII));
                    s.out.flush();
                    return false;
                }
                SSLSocket tls = (SSLSocket) SelfSignedTls.serverContext().getSocketFactory()
                        .createSocket(s.socket, s.socket.getInetAddress().getHostAddress(), s.socket.getPort(), true);
                tls.setUseClientMode(false);
                tls.startHandshake();
                open.add(tls);
                s.socket = tls;
                s.in = new BufferedInputStream(tls.getInputStream());
                s.out = tls.getOutputStream();
                s.tls = true;
                s.helo = null;
                s.reset();
            }
            case "MAIL" -> {
                String reply;
                synchronized (this) {
                    reply = mailReply;
                }
                if (!upper.startsWith("MAIL FROM:<") || line.indexOf('>') < 0) {
                    s.reply("501 5.5.4 syntax: MAIL FROM:<address>");
                    return true;
                }
                s.pipelined = waitForMore(s);
                int close = line.indexOf('>');
                s.mailFrom = line.substring(11, close);
                s.mailParams = line.substring(close + 1).trim();
                s.rcpts.clear();
                s.inTransaction = reply.startsWith("2");
                s.reply(reply);
            }
            case "RCPT" -> {
                if (!s.inTransaction) {
                    s.reply("503 5.5.1 MAIL first");
                    return true;
                }
                if (!upper.startsWith("RCPT TO:<") || line.indexOf('>') < 0) {
                    s.reply("501 5.5.4 syntax: RCPT TO:<address>");
                    return true;
                }
                int close = line.indexOf('>');
                String address = line.substring(9, close);
                String reply;
                synchronized (this) {
                    reply = rcptReplies.getOrDefault(address.toLowerCase(Locale.ROOT), "250 2.1.5 ok");
                }
                s.rcpts.add(new Rcpt(address, line.substring(close + 1).trim(), reply));
                s.reply(reply);
            }
            case "DATA" -> {
                boolean anyRcpt = s.rcpts.stream().anyMatch(r -> r.reply().startsWith("2"));
                if (!s.inTransaction || !anyRcpt) {
                    s.reply("554 5.5.1 no valid recipients");
                    s.reset();
                    return true;
                }
                String reply;
                synchronized (this) {
                    reply = dataReply;
                }
                if (!reply.startsWith("354")) {
                    record(s.transaction(new byte[0], new byte[0], reply));
                    s.reset();
                    s.reply(reply);
                    return true;
                }
                s.reply(reply);
                ByteArrayOutputStream raw = new ByteArrayOutputStream();
                ByteArrayOutputStream data = new ByteArrayOutputStream();
                while (true) {
                    byte[] l = s.readRawLine();
                    if (l == null) {
                        return false;
                    }
                    if (l.length == 3 && l[0] == '.' && l[1] == '\r' && l[2] == '\n') {
                        break;
                    }
                    raw.write(l);
                    if (l.length > 0 && l[0] == '.') {
                        data.write(l, 1, l.length - 1);
                    } else {
                        data.write(l);
                    }
                }
                if (stalls("DATA_END")) {
                    drain(s);
                    return false;
                }
                String end = nextDataEndReply(s.rcpts);
                record(s.transaction(raw.toByteArray(), data.toByteArray(), end));
                s.reset();
                s.reply(end);
            }
            case "RSET" -> {
                s.reset();
                s.reply("250 2.0.0 ok");
            }
            case "NOOP" -> s.reply("250 2.0.0 ok");
            case "QUIT" -> {
                s.reply("221 2.0.0 bye");
                return false;
            }
            default -> s.reply("500 5.5.2 unknown command");
        }
        return true;
    }

    /** Whether the client sent more right behind MAIL FROM, without waiting for its reply. */
    private static boolean waitForMore(Session s) throws IOException {
        if (s.in.available() > 0) {
            return true;
        }
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return s.in.available() > 0;
    }

    /** Reads and ignores until the client gives up. */
    private void drain(Session s) throws IOException {
        byte[] buf = new byte[4096];
        while (!closed && s.in.read(buf) >= 0) {
            // stalled on purpose
        }
    }

    private static final class Session {
        Socket socket;
        InputStream in;
        OutputStream out;
        boolean tls;
        String helo;
        boolean inTransaction;
        boolean pipelined;
        String mailFrom;
        String mailParams;
        final List<Rcpt> rcpts = new ArrayList<>();

        void reset() {
            inTransaction = false;
            mailFrom = null;
            mailParams = null;
            rcpts.clear();
        }

        Transaction transaction(byte[] raw, byte[] data, String reply) {
            return new Transaction(helo, tls, mailFrom, mailParams, List.copyOf(rcpts), raw, data, reply, pipelined);
        }

        void reply(String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        void multiline(int code, List<String> lines) throws IOException {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < lines.size(); i++) {
                b.append(code).append(i == lines.size() - 1 ? ' ' : '-').append(lines.get(i)).append("\r\n");
            }
            out.write(b.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        /** A command line without its CRLF, or null at the end of the stream. */
        String readLine() throws IOException {
            byte[] l = readRawLine();
            if (l == null) {
                return null;
            }
            int n = l.length;
            while (n > 0 && (l[n - 1] == '\n' || l[n - 1] == '\r')) {
                n--;
            }
            return new String(l, 0, n, StandardCharsets.UTF_8);
        }

        /** One line including its line end, or null at the end of the stream. */
        byte[] readRawLine() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            while (true) {
                int c = in.read();
                if (c < 0) {
                    return b.size() == 0 ? null : b.toByteArray();
                }
                b.write(c);
                if (c == '\n') {
                    return b.toByteArray();
                }
                if (b.size() > MAX_LINE) {
                    throw new IOException("line longer than " + MAX_LINE);
                }
            }
        }
    }
}
