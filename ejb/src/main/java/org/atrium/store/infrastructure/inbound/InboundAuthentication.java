package org.atrium.store.infrastructure.inbound;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.PublicKeyRecordRetriever;
import org.apache.james.jdkim.api.Result;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;
import org.apache.james.jdkim.exceptions.TempFailException;
import org.apache.james.jdkim.impl.DNSPublicKeyRecordRetriever;
import org.apache.james.jspf.core.DNSService;
import org.apache.james.jspf.core.DNSServiceEnabled;
import org.apache.james.jspf.core.MacroExpand;
import org.apache.james.jspf.core.MacroExpandEnabled;
import org.apache.james.jspf.core.SPFCheckEnabled;
import org.apache.james.jspf.executor.SynchronousSPFExecutor;
import org.apache.james.jspf.impl.DefaultTermsFactory;
import org.apache.james.jspf.parser.RFC4408SPF1Parser;
import org.apache.james.jspf.wiring.WiringServiceTable;
import org.apache.james.jspf.executor.SPFResult;
import org.apache.james.jspf.impl.DNSServiceXBillImpl;
import org.apache.james.jspf.impl.SPF;
import org.atrium.connector.dns.DnsResolvers;
import org.atrium.connector.smtp.InboundEnvelope;
import org.atrium.connector.smtp.MessageData;
import org.atrium.store.application.Settings;
import org.atrium.store.application.internal.HeaderSection;
import org.xbill.DNS.Resolver;

/**
 * Sender authentication of mail arriving over SMTP (issue #4, ADR 0013): SPF (RFC 7208) for the client IP and the
 * MAIL FROM identity (the HELO identity, {@code postmaster@<helo>}, for the null reverse-path, §2.4) and DKIM
 * signature verification (RFC 6376 §6), recorded as {@code Received-SPF} (RFC 7208 §9.1) and
 * {@code Authentication-Results} (RFC 8601 §2.2) fields prepended to the stored message.
 *
 * <p>Invariants: verification never refuses mail and never fails the SMTP 250 (the results are information for the
 * reader and for filters); all DNS look-ups of one message share a time budget ({@code atrium.mailauth.timeout}
 * seconds, default 5), after which the result is {@code temperror}; the message is read as a stream, only its header
 * section is held in memory. Authenticated submissions are not evaluated: they come from our own users. Fields
 * {@code Authentication-Results} that claim our host name as their authserv-id are removed (RFC 8601 §5).
 */
public final class InboundAuthentication {

    private static final Logger LOG = System.getLogger("org.atrium.store.intake.auth");

    /** Header sections larger than this are not parsed for DKIM (RFC 5322 has no limit; real ones are far smaller). */
    static final int HEADER_LIMIT = 1024 * 1024;

    /** At most this many signatures of one message are checked, each one may cost a DNS look-up. */
    static final int MAX_SIGNATURES = 5;

    /** At most this many SPF evaluations at once; a message beyond that gets temperror rather than a wait. */
    static final int SPF_THREAD_LIMIT = 64;

    /** SPF evaluation runs here so that its DNS look-ups can be abandoned at the deadline. */
    private static final ExecutorService SPF_THREADS = new ThreadPoolExecutor(0, SPF_THREAD_LIMIT, 60,
            TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "atrium-spf");
                t.setDaemon(true);
                return t;
            });

    private static volatile InboundAuthentication cached;

    private final String hostname;
    private final SPF spf;
    private final PublicKeyRecordRetriever dkimKeys;
    private final boolean spfEnabled;
    private final boolean dkimEnabled;
    private final Duration budget;
    private final String settingsKey;

    /**
     * @param spfDns where SPF gets its records; null when SPF is off
     * @param dkimKeys where DKIM gets its public keys; null when verification is off
     */
    public InboundAuthentication(String hostname, DNSService spfDns, PublicKeyRecordRetriever dkimKeys,
            Duration budget) {
        this(hostname, spfDns, dkimKeys, budget, null);
    }

    private InboundAuthentication(String hostname, DNSService spfDns, PublicKeyRecordRetriever dkimKeys,
            Duration budget, String settingsKey) {
        this.hostname = hostname;
        this.spfEnabled = spfDns != null;
        this.dkimEnabled = dkimKeys != null;
        // Not spf.setTimeOut(): it would set the shared resolver's per-query time-out, which fromSettings chose.
        this.spf = spfDns == null ? null : synchronousSpf(spfDns);
        this.dkimKeys = dkimKeys;
        this.budget = budget;
        this.settingsKey = settingsKey;
    }

    /**
     * jspf's evaluator wired as {@code new SPF(dns)} does, but with its synchronous executor: the asynchronous one of
     * jspf 1.0.3 reports a result before the TXT look-up that follows an empty SPF-type answer has finished (and
     * the RRtype SPF is obsolete anyway, RFC 7208 §3.1). This thread waits for the answers; {@link #headers} bounds
     * the wait.
     */
    static SPF synchronousSpf(DNSService dns) {
        WiringServiceTable wiring = new WiringServiceTable();
        wiring.put(DNSServiceEnabled.class, dns);
        MacroExpand macros = new MacroExpand(dns);
        wiring.put(MacroExpandEnabled.class, macros);
        RFC4408SPF1Parser parser = new RFC4408SPF1Parser(new DefaultTermsFactory(wiring));
        SPF spf = new SPF(dns, parser, macros, new SynchronousSPFExecutor(dns));
        // Terms are wired when a record is parsed, so the checker can be registered after the parser was made.
        wiring.put(SPFCheckEnabled.class, spf);
        return spf;
    }

    /**
     * The instance the current settings describe ({@code atrium.hostname}, {@code atrium.spf.enabled},
     * {@code atrium.dkim.verify}, {@code atrium.mailauth.timeout}, {@code atrium.dns.servers}); rebuilt only when
     * they change.
     */
    public static InboundAuthentication fromSettings() {
        String host = Settings.get("atrium.hostname", "localhost");
        boolean spfOn = Boolean.parseBoolean(Settings.get("atrium.spf.enabled", "true"));
        boolean dkimOn = Boolean.parseBoolean(Settings.get("atrium.dkim.verify", "true"));
        int seconds = Math.max(1, Settings.getInt("atrium.mailauth.timeout", 5));
        String servers = Settings.get(DnsResolvers.SETTING, null);
        String key = host + '|' + spfOn + '|' + dkimOn + '|' + seconds + '|' + servers;
        InboundAuthentication a = cached;
        if (a != null && key.equals(a.settingsKey)) {
            return a;
        }
        Duration budget = Duration.ofSeconds(seconds);
        // One query may take at most half the budget, so that a second look-up (a DKIM key after SPF) still fits.
        Resolver resolver = DnsResolvers.resolver(servers, budget.dividedBy(2));
        DNSService spfDns = spfOn ? new DNSServiceXBillImpl(resolver) : null;
        PublicKeyRecordRetriever keys = dkimOn ? new DNSPublicKeyRecordRetriever(resolver) : null;
        a = new InboundAuthentication(host, spfDns, keys, budget, key);
        cached = a;
        return a;
    }

    /**
     * {@link #apply} with the instance of the current settings; a failure of its own (a bad setting, a bug) is
     * logged and leaves the message as it came, since authentication results must never cost the SMTP 250.
     */
    public static MessageData evaluate(InboundEnvelope env, MessageData data) {
        try {
            return fromSettings().apply(env, data);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "intake: " + env.clientIp() + " session " + env.sessionId()
                    + " sender authentication skipped", e);
            return data;
        }
    }

    /**
     * The message as it is to be stored: the results' header block first, then the message with forged
     * {@code Authentication-Results} fields removed; {@code data} itself when nothing is evaluated.
     */
    public MessageData apply(InboundEnvelope env, MessageData data) {
        String block = headers(env, data);
        return block.isEmpty() ? data : new AuthenticatedMessage(block, data, this::forged);
    }

    /**
     * The header fields to prepend, each ending in CR LF: {@code Received-SPF} when SPF is on, then
     * {@code Authentication-Results}; empty for an authenticated submission or when both checks are off.
     */
    public String headers(InboundEnvelope env, MessageData data) {
        if (env.authenticatedUser() != null || (!spfEnabled && !dkimEnabled)) {
            return "";
        }
        Instant deadline = Instant.now().plus(budget);
        Future<SpfOutcome> spfRun = null;
        SpfOutcome spfResult = null;
        if (spfEnabled) {
            try {
                spfRun = SPF_THREADS.submit(() -> spf(env));
            } catch (RejectedExecutionException e) {
                spfResult = new SpfOutcome("temperror", "too many SPF evaluations at once");
            }
        }
        List<DkimOutcome> dkim = dkimEnabled ? dkim(data, deadline) : List.of();
        if (spfRun != null) {
            try {
                long left = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
                spfResult = spfRun.get(left, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                spfRun.cancel(true);
                spfResult = new SpfOutcome("temperror", "DNS time budget spent");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                spfResult = new SpfOutcome("temperror", "interrupted");
            } catch (ExecutionException e) {
                spfResult = new SpfOutcome("temperror", String.valueOf(e.getCause()));
            }
        }
        String spfText = spfResult == null ? "off" : spfResult.result();
        LOG.log(Level.INFO, () -> "intake: " + env.clientIp() + " session " + env.sessionId() + " helo "
                + clean(env.heloName()) + " from <" + clean(env.reversePath()) + "> spf=" + spfText + " dkim="
                + (dkimEnabled ? dkimSummary(dkim) : "off"));
        StringBuilder out = new StringBuilder();
        if (spfResult != null) {
            out.append(receivedSpf(env, spfResult));
        }
        out.append(authenticationResults(env, spfResult, dkimEnabled ? dkim : null));
        return out.toString();
    }

    private static String dkimSummary(List<DkimOutcome> dkim) {
        if (dkim.isEmpty()) {
            return "none";
        }
        return String.join(",", dkim.stream().map(d -> d.result() + "/" + d.domain()).toList());
    }

    /** The SPF result for the envelope (RFC 7208 §2.6), one of the lower-case result names. */
    SpfOutcome spf(InboundEnvelope env) {
        String helo = env.heloName() == null ? "" : env.heloName().trim();
        String from = env.reversePath() == null ? "" : env.reversePath().trim();
        if (from.isEmpty()) {
            // RFC 7208 §2.4: for the null reverse-path the identity checked is postmaster@<HELO>.
            from = "postmaster@" + helo;
        }
        try {
            SPFResult r = spf.checkSPF(env.clientIp(), from, helo);
            String result = r.getResult() == null ? "temperror" : r.getResult().toLowerCase(Locale.ROOT);
            return new SpfOutcome(result, r.getExplanation());
        } catch (RuntimeException e) {
            return new SpfOutcome("temperror", e.toString());
        }
    }

    /** One result per DKIM-Signature field (RFC 6376 §6.1), at most {@link #MAX_SIGNATURES}; empty when unsigned. */
    List<DkimOutcome> dkim(MessageData data, Instant deadline) {
        try (InputStream in = new BufferedInputStream(data.open(), 65536)) {
            HeaderSection header = HeaderSection.read(in, HEADER_LIMIT);
            if (!header.complete()) {
                return List.of(new DkimOutcome("permerror", null, null, null, "header section too large"));
            }
            long signatures = header.fields().stream()
                    .filter(f -> HeaderSection.name(f).equalsIgnoreCase("DKIM-Signature")).count();
            if (signatures == 0) {
                return List.of();
            }
            PublicKeyRecordRetriever bounded = (method, selector, token) -> {
                if (Instant.now().isAfter(deadline)) {
                    throw new TempFailException("DNS time budget spent");
                }
                return dkimKeys.getRecords(method, selector, token);
            };
            DKIMVerifier verifier = new DKIMVerifier(bounded);
            org.apache.james.jdkim.impl.Message headers = new org.apache.james.jdkim.impl.Message(
                    new ByteArrayInputStream(header.raw()));
            try {
                verifier.verify(headers, in);
            } catch (FailException e) {
                // Every signature failed; getResults() says how each one did.
            }
            List<DkimOutcome> out = new ArrayList<>();
            for (Result r : verifier.getResults()) {
                if (out.size() == MAX_SIGNATURES) {
                    break;
                }
                out.add(outcome(r));
            }
            if (out.isEmpty()) {
                out.add(new DkimOutcome("permerror", null, null, null, "no signature could be parsed"));
            }
            return out;
        } catch (org.apache.james.mime4j.MimeException e) {
            // A header section mime4j will not parse (its limits: 1000 fields, lines of 1000 octets).
            return List.of(new DkimOutcome("permerror", null, null, null, "header section: " + e.getMessage()));
        } catch (IOException | RuntimeException e) {
            return List.of(new DkimOutcome("temperror", null, null, null, e.toString()));
        }
    }

    private static DkimOutcome outcome(Result r) {
        SignatureRecord s = r.getRecord();
        String result = switch (r.getResultType()) {
            case PASS -> "pass";
            case FAIL -> "fail";
            case TEMPERROR -> "temperror";
            case PERMERROR -> "permerror";
            case POLICY -> "policy";
            case NEUTRAL -> "neutral";
            case NONE -> "none";
        };
        return new DkimOutcome(result, s == null ? null : str(s.getDToken()), s == null ? null : str(s.getIdentity()),
                s == null ? null : str(s.getSelector()), r.isSuccess() ? null : r.getErrorMessage());
    }

    private static String str(CharSequence c) {
        return c == null ? null : c.toString();
    }

    /** RFC 7208 §9.1. */
    String receivedSpf(InboundEnvelope env, SpfOutcome spf) {
        String ip = clean(env.clientIp());
        String from = clean(env.reversePath());
        String helo = clean(env.heloName());
        String identity = from.isEmpty() ? "postmaster@" + helo : from;
        String comment = switch (spf.result()) {
            case "pass" -> "domain of " + identity + " designates " + ip + " as permitted sender";
            case "fail" -> "domain of " + identity + " does not designate " + ip + " as permitted sender";
            case "softfail" -> "domain of transitioning " + identity + " does not designate " + ip
                    + " as permitted sender";
            case "neutral" -> ip + " is neither permitted nor denied by domain of " + identity;
            case "none" -> "domain of " + identity + " does not designate permitted sender hosts";
            case "temperror" -> "error in processing during lookup of " + identity;
            default -> "permanent error in processing domain of " + identity;
        };
        return "Received-SPF: " + spf.result() + " (" + clean(hostname) + ": " + comment.replace('(', '[')
                .replace(')', ']') + ")\r\n\tclient-ip=" + ip + "; envelope-from=" + quoted(from) + "; helo="
                + quoted(helo) + "; identity=" + (from.isEmpty() ? "helo" : "mailfrom") + "; receiver="
                + quoted(clean(hostname)) + ";\r\n";
    }

    /** RFC 8601 §2.2; {@code dkim} null when verification is off. */
    String authenticationResults(InboundEnvelope env, SpfOutcome spf, List<DkimOutcome> dkim) {
        StringBuilder b = new StringBuilder("Authentication-Results: ").append(clean(hostname));
        if (spf == null && dkim == null) {
            return b.append("; none\r\n").toString();
        }
        if (spf != null) {
            String from = clean(env.reversePath());
            b.append(";\r\n\tspf=").append(spf.result());
            if (from.isEmpty()) {
                b.append(" smtp.helo=").append(pvalue(clean(env.heloName())));
            } else {
                b.append(" smtp.mailfrom=").append(pvalue(from));
            }
        }
        if (dkim != null) {
            if (dkim.isEmpty()) {
                b.append(";\r\n\tdkim=none");
            }
            for (DkimOutcome d : dkim) {
                b.append(";\r\n\tdkim=").append(d.result());
                if (d.reason() != null) {
                    b.append(" reason=").append(quoted(clean(d.reason())));
                }
                if (d.domain() != null) {
                    b.append(" header.d=").append(pvalue(clean(d.domain())));
                }
                if (d.identity() != null) {
                    b.append(" header.i=").append(pvalue(clean(d.identity())));
                }
                if (d.selector() != null) {
                    b.append(" header.s=").append(pvalue(clean(d.selector())));
                }
            }
        }
        return b.append("\r\n").toString();
    }

    /**
     * Whether a field is an {@code Authentication-Results} that claims to come from us (RFC 8601 §5): its
     * authserv-id, the first token before ";" or a comment, is our host name.
     */
    boolean forged(String field) {
        if (!HeaderSection.name(field).equalsIgnoreCase("Authentication-Results")) {
            return false;
        }
        String v = HeaderSection.value(field).replaceAll("\\([^)]*\\)", " ").strip();
        int end = 0;
        while (end < v.length() && v.charAt(end) != ';' && !Character.isWhitespace(v.charAt(end))) {
            end++;
        }
        String id = v.substring(0, end);
        if (id.length() > 1 && id.startsWith("\"") && id.endsWith("\"")) {
            id = id.substring(1, id.length() - 1);
        }
        boolean ours = id.equalsIgnoreCase(hostname);
        if (ours) {
            LOG.log(Level.WARNING, "intake: removed an Authentication-Results field claiming to be ours: "
                    + clean(HeaderSection.value(field)));
        }
        return ours;
    }

    /** Client-supplied text made safe for a header field: printable US-ASCII only, no line breaks. */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), 256));
        for (int i = 0; i < s.length() && b.length() < 256; i++) {
            char c = s.charAt(i);
            b.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return b.toString().strip();
    }

    /** A value as a dot-atom when it is one, else a quoted-string (RFC 5322 §3.2.3, §3.2.4). */
    static String quoted(String s) {
        if (!s.isEmpty() && s.matches("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.\\-:\\[\\]]+") && !s.startsWith(".")) {
            return s;
        }
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** A pvalue of RFC 8601 §2.2: an address or domain as it is, anything else quoted. */
    static String pvalue(String s) {
        return s.matches("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.\\-@]+") ? s : quoted(s);
    }

    /** An SPF result (RFC 7208 §2.6) in lower case, with jspf's explanation for the log. */
    record SpfOutcome(String result, String explanation) {
    }

    /** One signature's result (RFC 6376 §6.1, RFC 8601 §2.7.1) with its d=, i= and s= tags where it had them. */
    record DkimOutcome(String result, String domain, String identity, String selector, String reason) {
    }
}
