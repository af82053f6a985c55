package org.atrium.connector.smtp.client;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.atrium.connector.smtp.client.MxResolver.Resolution;
import org.atrium.connector.smtp.client.MxResolver.Target;
import org.atrium.connector.smtp.client.RecipientResult.Outcome;
import org.atrium.connector.smtp.client.SmtpReplyReader.Reply;

/**
 * The outbound SMTP client (RFC 5321 §3, §4, §5): delivers one message to the next hop of one domain over a blocking
 * socket, one host at a time in the order {@link MxResolver} gives.
 *
 * <p>Per host: connect, the 220 greeting, EHLO (HELO when EHLO is refused with 5xx), STARTTLS (RFC 3207) when offered
 * and not switched off, then EHLO again; SIZE (RFC 1870) checked before MAIL, {@code SIZE=} and
 * {@code BODY=8BITMIME} (RFC 6152) sent when offered; the DSN parameters (RFC 3461 §4) only to a host that offers
 * DSN (§5.2); with PIPELINING (RFC 2920 §3.1) MAIL, every RCPT and DATA go in one write and the replies are read in
 * order. Each recipient is decided by its RCPT reply (4xx temporary, 5xx permanent) or, when accepted, by the reply to
 * the end of data. A host that cannot be reached, answers the greeting/EHLO/MAIL with a temporary failure, times out
 * or drops the connection before the final reply leaves its undecided recipients to the next host; after the last one
 * they fail temporarily with a description of the last problem.
 *
 * <p>Every reply in a {@link RecipientResult} starts with a reply code and (usually) an enhanced status code (RFC
 * 3463), the remote's own or ours for a local problem ({@code 451 4.4.1 connection refused by mx [192.0.2.1]}), so a
 * DSN can take its Status from it.
 *
 * <p>Opportunistic TLS does not verify the certificate unless {@code atrium.relay.tls-verify} is set (RFC 7435); a
 * handshake that fails is retried once on a new connection in plain text. A next hop that is this machine on our own
 * SMTP port is never tried (RFC 5321 §5.1: mail loops back to myself, {@code 5.4.6}).
 *
 * <p>One log line per host attempt on {@code org.atrium.relay}: domain, host, outcome, TLS, reply.
 */
public final class SmtpRelayClient implements RemoteDelivery {

    private static final Logger LOG = System.getLogger("org.atrium.relay");
    private static final String[] TLS_PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    private static final int QUIT_TIMEOUT_MILLIS = 2000;

    private final RelaySettings settings;
    private final MxResolver resolver;
    private final Set<InetAddress> ownAddresses;
    private final SSLSocketFactory tls;

    /** The client the delivery agent uses: {@code new SmtpRelayClient(RelaySettings.from(System::getProperty))}. */
    public SmtpRelayClient(RelaySettings settings) {
        this(settings, new MxResolver(settings));
    }

    SmtpRelayClient(RelaySettings settings, MxResolver resolver) {
        this.settings = settings;
        this.resolver = resolver;
        this.ownAddresses = ownAddresses();
        this.tls = RelayTls.socketFactory(settings.tlsVerify());
    }

    @Override
    public DeliveryReport deliver(String domain, OutboundEnvelope envelope, Content content) {
        List<OutboundRecipient> rcpts = envelope.recipients();
        RecipientResult[] results = new RecipientResult[rcpts.size()];
        Resolution resolution = resolver.resolve(domain);
        if (resolution.failed()) {
            log(domain, "-", resolution.failure() == Outcome.PERMANENT ? "bounced" : "deferred", false,
                    resolution.reply());
            return report(null, false, false, decideAll(rcpts, results, resolution.failure(), resolution.reply()));
        }
        Host decided = null;
        String lastFailure = null;
        boolean tried = false;
        for (Target target : resolution.targets()) {
            if (loopsBack(target)) {
                if (!tried) {
                    String reply = "550 5.4.6 mail for " + domain + " loops back to myself (" + target.display()
                            + " is this host)";
                    log(domain, target.display(), "bounced", false, reply);
                    decideAll(rcpts, results, Outcome.PERMANENT, reply);
                }
                // RFC 5321 §5.1: hosts less preferred than ourselves are not tried.
                break;
            }
            tried = true;
            Host host = new Host(domain, target, envelope, content, results);
            host.run(true);
            if (host.retryPlain) {
                host = new Host(domain, target, envelope, content, results);
                host.run(false);
            }
            if (host.decidedAny) {
                decided = host;
            }
            if (host.failure != null) {
                lastFailure = host.failure;
            }
            if (host.localFailure || Arrays.stream(results).allMatch(r -> r != null)) {
                break;
            }
        }
        if (lastFailure == null) {
            lastFailure = "451 4.4.1 no next hop for " + domain + " could be reached";
        }
        decideAll(rcpts, results, Outcome.TEMPORARY, lastFailure);
        return decided == null ? report(null, false, false, results)
                : report(decided.target.display(), decided.dsn, decided.tlsActive, results);
    }

    private static DeliveryReport report(String remote, boolean dsn, boolean tls, RecipientResult[] results) {
        return new DeliveryReport(remote, dsn, tls, Arrays.asList(results));
    }

    /** Sets every recipient not yet decided. */
    private static RecipientResult[] decideAll(List<OutboundRecipient> rcpts, RecipientResult[] results,
            Outcome outcome, String reply) {
        for (int i = 0; i < results.length; i++) {
            if (results[i] == null) {
                results[i] = new RecipientResult(rcpts.get(i).address(), outcome, reply);
            }
        }
        return results;
    }

    private boolean loopsBack(Target t) {
        InetAddress a = t.address();
        return t.port() == settings.ownSmtpPort()
                && (a.isLoopbackAddress() || a.isAnyLocalAddress() || ownAddresses.contains(a));
    }

    private static void log(String domain, String host, String outcome, boolean tls, String reply) {
        // The reply is the remote's text: no control characters into the operator's log.
        LOG.log(Level.INFO, "relay: domain={0} host={1} outcome={2} tls={3} reply=\"{4}\"", domain, host, outcome,
                tls, reply == null ? "" : reply.replaceAll("[\\x00-\\x1f\\x7f\"]", "?"));
    }

    /** One conversation with one host; writes the recipients it decides into the shared results. */
    private final class Host {

        final String domain;
        final Target target;
        final OutboundEnvelope envelope;
        final Content content;
        final RecipientResult[] results;
        Socket socket;
        SmtpReplyReader in;
        OutputStream out;
        String stage = "connect";
        boolean tlsActive;
        boolean dsn;
        /** Set when a recipient was decided here. */
        boolean decidedAny;
        /** The host-level problem, when there was one. */
        String failure;
        /** The TLS handshake failed in opportunistic mode: try once more without. */
        boolean retryPlain;
        /** Reading the message failed here: no other host will do better. */
        boolean localFailure;
        private int delivered;
        private int temporary;
        private int permanent;
        private String lastReply = "";

        Host(String domain, Target target, OutboundEnvelope envelope, Content content, RecipientResult[] results) {
            this.domain = domain;
            this.target = target;
            this.envelope = envelope;
            this.content = content;
            this.results = results;
        }

        void run(boolean tlsAllowed) {
            try {
                socket = new Socket();
                socket.connect(new InetSocketAddress(target.address(), target.port()),
                        (int) settings.connectTimeout().toMillis());
            } catch (SocketTimeoutException e) {
                hostFailure("451 4.4.1 connection timed out to " + target.display());
                close();
                logAttempt();
                return;
            } catch (ConnectException e) {
                hostFailure("451 4.4.1 connection refused by " + target.display());
                close();
                logAttempt();
                return;
            } catch (IOException e) {
                hostFailure("451 4.4.1 cannot connect to " + target.display() + ": " + e.getMessage());
                close();
                logAttempt();
                return;
            }
            try {
                socket.setSoTimeout((int) settings.commandTimeout().toMillis());
                streams();
                converse(tlsAllowed);
            } catch (ContentException e) {
                localFailure = true;
                hostFailure("451 4.3.0 cannot read the message to send: " + e.getCause().getMessage());
            } catch (SocketTimeoutException e) {
                hostFailure("451 4.4.2 timeout after " + stage + " at " + target.display());
            } catch (IOException e) {
                hostFailure("451 4.4.2 connection lost after " + stage + " at " + target.display() + ": "
                        + e.getMessage());
            } finally {
                close();
            }
            logAttempt();
        }

        private void converse(boolean tlsAllowed) throws IOException {
            Reply greeting = in.read();
            if (greeting.code() != 220) {
                hostFailure("451 4.4.0 " + target.display() + " greeted with " + greeting);
                quit();
                return;
            }
            Reply ehlo = hello();
            if (ehlo == null) {
                return;
            }
            RelaySettings.StartTls mode = settings.startTls();
            if (mode != RelaySettings.StartTls.OFF && tlsAllowed && ehlo.hasKeyword("STARTTLS")) {
                stage = "STARTTLS";
                Reply r = command("STARTTLS");
                if (r.code() == 220) {
                    try {
                        startTls();
                    } catch (IOException e) {
                        if (mode == RelaySettings.StartTls.OPPORTUNISTIC) {
                            retryPlain = true;
                        }
                        hostFailure("451 4.7.5 TLS handshake with " + target.display() + " failed: "
                                + e.getMessage());
                        return;
                    }
                    ehlo = hello();
                    if (ehlo == null) {
                        return;
                    }
                } else if (mode == RelaySettings.StartTls.REQUIRED) {
                    hostFailure("451 4.7.4 " + target.display() + " refused STARTTLS: " + r);
                    quit();
                    return;
                }
            } else if (mode == RelaySettings.StartTls.REQUIRED) {
                hostFailure("451 4.7.4 TLS is required but " + target.display() + " does not offer STARTTLS");
                quit();
                return;
            }
            transaction(ehlo);
            quit();
        }

        /** EHLO, or HELO when EHLO is refused; the EHLO reply (a HELO reply has no keywords), or null on failure. */
        private Reply hello() throws IOException {
            stage = "EHLO";
            Reply r = command("EHLO " + settings.hostname());
            if (r.positive()) {
                return r;
            }
            if (r.permanent()) {
                stage = "HELO";
                r = command("HELO " + settings.hostname());
                if (r.positive()) {
                    return new Reply(r.code(), List.of(r.lines().get(0)));
                }
            }
            hostFailure("451 4.4.0 " + target.display() + " refused " + stage + ": " + r);
            quit();
            return null;
        }

        private void transaction(Reply ehlo) throws IOException {
            dsn = ehlo.hasKeyword("DSN");
            String sizeParam = ehlo.keywordParam("SIZE");
            long limit = parseSize(sizeParam);
            if (limit > 0 && envelope.size() > limit) {
                decidePending(Outcome.PERMANENT, "552 5.3.4 message of " + envelope.size()
                        + " octets exceeds the limit of " + limit + " of " + target.display());
                return;
            }
            StringBuilder mail = new StringBuilder("MAIL FROM:<").append(envelope.reversePath()).append('>');
            if (sizeParam != null && envelope.size() > 0) {
                mail.append(" SIZE=").append(envelope.size());
            }
            if (envelope.eightBitMime() && ehlo.hasKeyword("8BITMIME")) {
                mail.append(" BODY=8BITMIME");
            }
            if (dsn && envelope.ret() != null) {
                mail.append(" RET=").append(envelope.ret());
            }
            if (dsn && envelope.envid() != null) {
                mail.append(" ENVID=").append(envelope.envid());
            }
            List<Integer> pending = new ArrayList<>();
            List<String> rcptCommands = new ArrayList<>();
            for (int i = 0; i < results.length; i++) {
                if (results[i] == null) {
                    pending.add(i);
                    OutboundRecipient r = envelope.recipients().get(i);
                    StringBuilder rcpt = new StringBuilder("RCPT TO:<").append(r.address()).append('>');
                    if (dsn && r.notifyOn() != null) {
                        rcpt.append(" NOTIFY=").append(r.notifyOn());
                    }
                    if (dsn && r.orcpt() != null) {
                        rcpt.append(" ORCPT=").append(r.orcpt());
                    }
                    rcptCommands.add(rcpt.toString());
                }
            }
            boolean pipelining = ehlo.hasKeyword("PIPELINING");
            Reply mailReply;
            List<Integer> accepted = new ArrayList<>();
            Reply dataReply = null;
            if (pipelining) {
                stage = "MAIL FROM";
                StringBuilder batch = new StringBuilder(mail).append("\r\n");
                for (String r : rcptCommands) {
                    batch.append(r).append("\r\n");
                }
                batch.append("DATA\r\n");
                out.write(batch.toString().getBytes(StandardCharsets.UTF_8));
                out.flush();
                mailReply = in.read();
                stage = "RCPT TO";
                List<Reply> rcptReplies = new ArrayList<>();
                for (int i = 0; i < pending.size(); i++) {
                    rcptReplies.add(in.read());
                }
                stage = "DATA";
                dataReply = in.read();
                if (!mailReply.positive()) {
                    endDataIfOpened(dataReply);
                    mailRefused(mailReply);
                    return;
                }
                for (int i = 0; i < pending.size(); i++) {
                    decideRcpt(pending.get(i), rcptReplies.get(i), accepted);
                }
                if (accepted.isEmpty()) {
                    endDataIfOpened(dataReply);
                    command("RSET");
                    return;
                }
            } else {
                stage = "MAIL FROM";
                mailReply = command(mail.toString());
                if (!mailReply.positive()) {
                    mailRefused(mailReply);
                    return;
                }
                stage = "RCPT TO";
                for (int i = 0; i < pending.size(); i++) {
                    decideRcpt(pending.get(i), command(rcptCommands.get(i)), accepted);
                }
                if (accepted.isEmpty()) {
                    command("RSET");
                    return;
                }
                stage = "DATA";
                dataReply = command("DATA");
            }
            if (dataReply.code() != 354) {
                // Anything but 354 means the message was not sent (a 2xx here is a protocol error: temporary).
                decide(accepted, dataReply.permanent() ? Outcome.PERMANENT : Outcome.TEMPORARY, dataReply.toString());
                return;
            }
            stage = "end of data";
            sendContent();
            socket.setSoTimeout((int) settings.dataTimeout().toMillis());
            Reply end = in.read();
            socket.setSoTimeout((int) settings.commandTimeout().toMillis());
            decide(accepted, end.positive() ? Outcome.DELIVERED
                    : end.permanent() ? Outcome.PERMANENT : Outcome.TEMPORARY, end.toString());
        }

        /** A 354 to a pipelined DATA without recipients: end the (empty) data so the session stays usable. */
        private void endDataIfOpened(Reply dataReply) throws IOException {
            if (dataReply.code() == 354) {
                out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                in.read();
            }
        }

        private void mailRefused(Reply reply) throws IOException {
            if (reply.permanent()) {
                decidePending(Outcome.PERMANENT, reply.toString());
            } else {
                hostFailure("451 4.4.0 " + target.display() + " refused MAIL FROM: " + reply);
                lastReply = reply.toString();
            }
            command("RSET");
        }

        private void decideRcpt(int index, Reply reply, List<Integer> accepted) {
            if (reply.positive()) {
                accepted.add(index);
            } else {
                decide(List.of(index), reply.permanent() ? Outcome.PERMANENT : Outcome.TEMPORARY, reply.toString());
            }
        }

        private void decidePending(Outcome outcome, String reply) {
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < results.length; i++) {
                if (results[i] == null) {
                    all.add(i);
                }
            }
            decide(all, outcome, reply);
        }

        private void decide(List<Integer> indexes, Outcome outcome, String reply) {
            for (int i : indexes) {
                if (results[i] != null) {
                    continue;
                }
                results[i] = new RecipientResult(envelope.recipients().get(i).address(), outcome, reply);
                decidedAny = true;
                switch (outcome) {
                    case DELIVERED -> delivered++;
                    case TEMPORARY -> temporary++;
                    case PERMANENT -> permanent++;
                }
            }
            lastReply = reply;
        }

        /** Dot-stuffed (RFC 5321 §4.5.2), every line ending in CR LF, then CRLF.CRLF. */
        private void sendContent() throws IOException {
            InputStream source;
            try {
                source = content.open();
            } catch (IOException e) {
                throw new ContentException(e);
            }
            try (InputStream in = new BufferedInputStream(source, 65536)) {
                boolean lineStart = true;
                boolean cr = false;
                while (true) {
                    int b;
                    try {
                        b = in.read();
                    } catch (IOException e) {
                        throw new ContentException(e);
                    }
                    if (b < 0) {
                        break;
                    }
                    if (b == '\n') {
                        if (!cr) {
                            out.write('\r');
                        }
                        out.write('\n');
                        lineStart = true;
                        cr = false;
                        continue;
                    }
                    if (cr) {
                        // A bare CR ends a line too.
                        out.write('\n');
                        lineStart = true;
                        cr = false;
                    }
                    if (b == '\r') {
                        out.write('\r');
                        cr = true;
                        continue;
                    }
                    if (lineStart && b == '.') {
                        out.write('.');
                    }
                    out.write(b);
                    lineStart = false;
                }
                if (cr) {
                    out.write('\n');
                    lineStart = true;
                }
                if (!lineStart) {
                    out.write('\r');
                    out.write('\n');
                }
                out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        }

        private Reply command(String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            return in.read();
        }

        private void startTls() throws IOException {
            SSLSocket ssl = (SSLSocket) tls.createSocket(socket, target.host(), target.port(), true);
            SSLParameters p = ssl.getSSLParameters();
            p.setProtocols(TLS_PROTOCOLS);
            if (settings.tlsVerify()) {
                p.setEndpointIdentificationAlgorithm("HTTPS");
            }
            try {
                p.setServerNames(List.of(new SNIHostName(target.host())));
            } catch (IllegalArgumentException notAName) {
                // an address literal: no SNI
            }
            ssl.setSSLParameters(p);
            ssl.setUseClientMode(true);
            socket = ssl;
            ssl.startHandshake();
            streams();
            tlsActive = true;
        }

        private void streams() throws IOException {
            in = new SmtpReplyReader(new BufferedInputStream(socket.getInputStream()));
            out = new BufferedOutputStream(socket.getOutputStream());
        }

        private void quit() {
            try {
                socket.setSoTimeout(QUIT_TIMEOUT_MILLIS);
                command("QUIT");
            } catch (IOException ignored) {
                // the transaction is over; a lost QUIT reply changes nothing (RFC 5321 §4.1.1.10)
            }
        }

        private void hostFailure(String description) {
            failure = description;
        }

        private void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing
                }
            }
        }

        private void logAttempt() {
            String outcome;
            if (decidedAny) {
                outcome = "delivered=" + delivered + " deferred=" + temporary + " bounced=" + permanent;
            } else if (retryPlain) {
                outcome = "tls-failed-retry-plain";
            } else {
                outcome = "host-failed";
            }
            log(domain, target.display(), outcome, tlsActive, failure != null ? failure : lastReply);
        }
    }

    /** Reading the message to send failed: a local problem, not the host's. */
    private static final class ContentException extends IOException {
        private static final long serialVersionUID = 1L;

        ContentException(IOException cause) {
            super(cause);
        }
    }

    /** The SIZE keyword's limit (RFC 1870 §4): 0 or absent means none. */
    static long parseSize(String param) {
        if (param == null || param.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(param.strip().split("\\s+")[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Set<InetAddress> ownAddresses() {
        Set<InetAddress> own = new HashSet<>();
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                own.addAll(Collections.list(ni.getInetAddresses()));
            }
        } catch (SocketException | NullPointerException e) {
            LOG.log(Level.WARNING, "relay: cannot list this host''s addresses for the mail loop check: {0}",
                    String.valueOf(e));
        }
        return Set.copyOf(own);
    }
}
