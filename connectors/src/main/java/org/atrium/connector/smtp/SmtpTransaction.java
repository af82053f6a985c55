package org.atrium.connector.smtp;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mutable state of one mail transaction (RFC 5321 §3.3), from MAIL to the end of DATA or RSET. Owned by
 * {@link SmtpSession}, which drops it as a whole when the transaction ends, so nothing of a refused message can leak
 * into the next one. Not a command handler: handlers stay stateless and reach it through the session.
 */
final class SmtpTransaction {

    /** Why the content is refused at the end of data; the first problem seen wins over later ones. */
    enum ContentProblem {
        NONE, BARE_NEWLINE, ROUTING_LOOP, TOO_LONG_LINE, OVERSIZE, SPOOL_FAILURE
    }

    private final SmtpPath reversePath;
    private final boolean eightBitMime;
    private final int number;
    private final String ret;
    private final String envid;
    private final Set<String> recipients = new LinkedHashSet<>();
    private final Map<String, RecipientDsn> recipientDsn = new HashMap<>();
    /** Whether the content so far is all header section (RFC 5322 §2.1: up to the first empty line). */
    private boolean inHeaderSection = true;
    private int receivedFields;
    private boolean routingLoop;
    private String firstForwardPath;
    private MessageBuffer buffer;
    private long contentSize;
    private boolean lineStart = true;
    private boolean bareNewline;
    private boolean tooLongLine;
    private boolean oversize;
    private boolean spoolFailure;

    SmtpTransaction(SmtpPath reversePath, boolean eightBitMime, int number) {
        this(reversePath, eightBitMime, number, null, null);
    }

    /**
     * @param ret MAIL RET= (RFC 3461 §4.3) in upper case, or null
     * @param envid MAIL ENVID= (RFC 3461 §4.4) as received (xtext), or null
     */
    SmtpTransaction(SmtpPath reversePath, boolean eightBitMime, int number, String ret, String envid) {
        this.reversePath = reversePath;
        this.eightBitMime = eightBitMime;
        this.number = number;
        this.ret = ret;
        this.envid = envid;
    }

    String ret() {
        return ret;
    }

    String envid() {
        return envid;
    }

    /**
     * The NOTIFY/ORCPT parameters of a recipient, keyed by its canonical address (RFC 3461 §4.1, §4.2). A repeat of
     * the same canonical address keeps the parameters of its first RCPT, as the recipient itself collapses into the
     * first.
     */
    void recipientDsn(String canonical, RecipientDsn dsn) {
        if (dsn != null) {
            recipientDsn.putIfAbsent(canonical, dsn);
        }
    }

    Map<String, RecipientDsn> recipientDsn() {
        return Map.copyOf(recipientDsn);
    }

    /** Whether the content is still in its header section, where Received fields are counted. */
    boolean inHeaderSection() {
        return inHeaderSection;
    }

    void headerSectionEnded() {
        inHeaderSection = false;
    }

    /** Counts one Received field of the client's header section; returns the count so far. */
    int countReceived() {
        return ++receivedFields;
    }

    int receivedFields() {
        return receivedFields;
    }

    void markRoutingLoop() {
        routingLoop = true;
    }

    SmtpPath reversePath() {
        return reversePath;
    }

    boolean eightBitMime() {
        return eightBitMime;
    }

    /** 1-based number of this transaction within its session; part of the Received id. */
    int number() {
        return number;
    }

    /** Adds a recipient; a repeat (same canonical address, e.g. via an alias) collapses into the first. */
    void addRecipient(String canonical, String forwardPath) {
        if (recipients.isEmpty()) {
            firstForwardPath = forwardPath;
        }
        recipients.add(canonical);
    }

    List<String> recipients() {
        return List.copyOf(recipients);
    }

    int recipientCount() {
        return recipients.size();
    }

    /** The forward path as the client gave it, when there is exactly one recipient (for Received "for"). */
    String singleForwardPath() {
        return recipients.size() == 1 ? firstForwardPath : null;
    }

    MessageBuffer buffer() {
        return buffer;
    }

    void buffer(MessageBuffer buffer) {
        this.buffer = buffer;
    }

    /** Whether the previous content line ended in CR LF, i.e. a "." now would be CR LF "." CR LF. */
    boolean atLineStart() {
        return lineStart;
    }

    void atLineStart(boolean value) {
        lineStart = value;
    }

    long contentSize() {
        return contentSize;
    }

    void addContentSize(long octets) {
        contentSize += octets;
    }

    void markBareNewline() {
        bareNewline = true;
    }

    void markTooLongLine() {
        tooLongLine = true;
    }

    void markOversize() {
        oversize = true;
    }

    void markSpoolFailure() {
        spoolFailure = true;
    }

    /** Smuggling first: it is the one an operator must see; then size, which the client can act on. */
    ContentProblem problem() {
        if (bareNewline) {
            return ContentProblem.BARE_NEWLINE;
        }
        if (routingLoop) {
            return ContentProblem.ROUTING_LOOP;
        }
        if (oversize) {
            return ContentProblem.OVERSIZE;
        }
        if (tooLongLine) {
            return ContentProblem.TOO_LONG_LINE;
        }
        if (spoolFailure) {
            return ContentProblem.SPOOL_FAILURE;
        }
        return ContentProblem.NONE;
    }

    /** Releases the content, if any. */
    void close() {
        if (buffer != null) {
            buffer.close();
            buffer = null;
        }
    }
}
