package org.atrium.connector.smtp;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.ZonedDateTime;
import org.atrium.connector.net.Line;

/**
 * DATA and the content that follows it (RFC 5321 §4.1.1.4, §4.5.2, §2.3.8).
 *
 * <p>After {@code 354} every line is content until the end-of-data indicator, which is recognised only as the exact
 * sequence CR LF "." CR LF: a line consisting of one "." that ends in CR LF, contains no CR, and follows a line that
 * itself ended in CR LF. Anything else, such as {@code LF . LF}, {@code LF . CR LF} or {@code CR . CR LF}, is content.
 * This is the defence against SMTP smuggling (SEC Consult, December 2023): an outbound server that passes such
 * sequences through must not be able to make this server see an end of data, and the "MAIL FROM" after it, where
 * the outbound server saw none. A message that contains any bare LF or bare CR is then refused as a whole once the
 * real end arrives, with {@code 554 5.6.0}: 554 is the RFC 5321 §4.3.2 reply for a refused transaction after DATA,
 * and X.6.0 "other or undefined media error" (RFC 3463 §3.7) is the registered code for content that cannot be taken
 * as it is; no code more specific is registered.
 *
 * <p>After an over-long line the framing no longer knows how that line ended, so it counts as not ending in CR LF:
 * a "." right after it does not end the data (being wrong the other way would reopen the smuggling hole).
 *
 * <p>Leading dots are removed (§4.5.2). Content over {@link SmtpSettings#maxMessageSize()} or with a line over
 * {@link SmtpSettings#maxTextLine()} is read to the end and discarded, then refused ({@code 552 5.3.4},
 * {@code 554 5.6.0}), because a reply in the middle of DATA would be taken for content by the client. Before the
 * content the buffer receives {@code Return-Path} and {@code Received} (§4.4). A header section with more than
 * {@link SmtpSettings#maxReceivedHeaders()} Received fields is a routing loop (§6.3): refused with
 * {@code 554 5.4.6} (RFC 3463 §3.5 "routing loop detected") and nothing is accepted.
 */
final class DataCommand implements SmtpCommand {

    @Override
    public void execute(SmtpSession session, String argument) {
        if (!argument.isBlank()) {
            session.reply(501, "5.5.4", "Syntax: DATA");
            return;
        }
        SmtpTransaction transaction = session.transaction();
        SmtpSettings settings = session.settings();
        MessageBuffer buffer = new MessageBuffer(settings.spoolDir(), settings.memoryThreshold());
        transaction.buffer(buffer);
        byte[] trace = TraceHeaders.render(session.heloName(), session.connection().remoteIp(), settings.hostname(),
                session.protocolName(), session.connection().sessionId() + "." + transaction.number(),
                transaction.singleForwardPath(), transaction.reversePath().address(),
                ZonedDateTime.now(session.clock()));
        try {
            buffer.write(trace, 0, trace.length);
        } catch (IOException e) {
            session.log(Level.ERROR, "transaction-refused", "reason=spool-error outcome=452", e);
            session.endTransaction();
            session.reply(452, "4.3.1", "Insufficient system storage");
            return;
        }
        session.moveTo(SmtpState.DATA);
        session.reply(SmtpReply.of(354, null, "End data with <CR><LF>.<CR><LF>"));
    }

    /** One line while in {@link SmtpState#DATA}. */
    static void content(SmtpSession session, Line line) {
        SmtpTransaction transaction = session.transaction();
        byte[] bytes = line.bytes();
        boolean crlf = line.ending() == Line.Ending.CRLF && !line.hasBareCr();
        if (crlf && transaction.atLineStart() && bytes.length == 1 && bytes[0] == '.') {
            endOfData(session, transaction);
            return;
        }
        switch (line.ending()) {
            case BARE_LF -> transaction.markBareNewline();
            case TOO_LONG -> transaction.markTooLongLine();
            case CRLF -> {
                if (line.hasBareCr()) {
                    transaction.markBareNewline();
                }
            }
        }
        boolean startOfLine = transaction.atLineStart();
        transaction.atLineStart(crlf);
        if (transaction.inHeaderSection() && startOfLine) {
            countTraceFields(session, transaction, bytes);
        }
        if (transaction.problem() != SmtpTransaction.ContentProblem.NONE) {
            // Refused at the end anyway: keep reading, stop storing, free what is held.
            if (transaction.buffer() != null) {
                transaction.buffer().close();
                transaction.buffer(null);
            }
            return;
        }
        int off = bytes.length > 0 && bytes[0] == '.' ? 1 : 0;
        long lineSize = bytes.length - off + 2L;
        if (transaction.contentSize() + lineSize > session.settings().maxMessageSize()) {
            transaction.markOversize();
            transaction.buffer().close();
            transaction.buffer(null);
            return;
        }
        transaction.addContentSize(lineSize);
        try {
            transaction.buffer().writeLine(bytes, off, bytes.length - off);
        } catch (IOException e) {
            session.log(Level.ERROR, "spool-error", "", e);
            transaction.markSpoolFailure();
            transaction.buffer().close();
            transaction.buffer(null);
        }
    }

    /**
     * Loop detection (RFC 5321 §6.3): counts the Received fields of the client's header section, i.e. the lines up to
     * the first empty one that start with the field name (case-insensitive, RFC 5322 §3.6.7; optional white space
     * before the colon, §4.5.3). Only the start of each line is looked at, and only in the header section, so the
     * cost stays constant per line. Past {@link SmtpSettings#maxReceivedHeaders()} the message is marked looping:
     * stored no further, refused at the end of data.
     */
    private static void countTraceFields(SmtpSession session, SmtpTransaction transaction, byte[] bytes) {
        if (bytes.length == 0) {
            transaction.headerSectionEnded();
            return;
        }
        if (isReceivedField(bytes) && transaction.countReceived() > session.settings().maxReceivedHeaders()) {
            transaction.markRoutingLoop();
        }
    }

    private static final byte[] RECEIVED = {'r', 'e', 'c', 'e', 'i', 'v', 'e', 'd'};

    static boolean isReceivedField(byte[] line) {
        if (line.length <= RECEIVED.length) {
            return false;
        }
        for (int i = 0; i < RECEIVED.length; i++) {
            if ((line[i] | 0x20) != RECEIVED[i]) {
                return false;
            }
        }
        int i = RECEIVED.length;
        while (i < line.length && (line[i] == ' ' || line[i] == '\t')) {
            i++;
        }
        return i < line.length && line[i] == ':';
    }

    private static void endOfData(SmtpSession session, SmtpTransaction transaction) {
        SmtpReply reply;
        try {
            reply = switch (transaction.problem()) {
                case BARE_NEWLINE -> refused(session, transaction, "bare-cr-or-lf (possible SMTP smuggling)",
                        SmtpReply.of(554, "5.6.0", "Message refused: bare CR or LF in content (RFC 5321 2.3.8)"));
                case ROUTING_LOOP -> refused(session, transaction, "routing-loop received>"
                        + session.settings().maxReceivedHeaders(), SmtpReply.of(554, "5.4.6", "Routing loop detected"));
                case OVERSIZE -> refused(session, transaction, "oversize",
                        SmtpReply.of(552, "5.3.4", "Message size exceeds fixed maximum message size"));
                case TOO_LONG_LINE -> refused(session, transaction, "line-too-long",
                        SmtpReply.of(554, "5.6.0", "Message refused: line longer than "
                                + session.settings().maxTextLine() + " octets"));
                case SPOOL_FAILURE -> refused(session, transaction, "spool-error",
                        SmtpReply.of(452, "4.3.1", "Insufficient system storage"));
                case NONE -> deliver(session, transaction);
            };
        } finally {
            // Whatever happened, this transaction is over; the next MAIL starts clean.
            session.endTransaction();
        }
        session.reply(reply);
    }

    /**
     * Submission (RFC 6409 §8.1, RFC 5322 §3.6.2): exactly one From field, whose addresses the user may use
     * ({@link MailIntake#mayUseFrom}); otherwise {@code 553 5.7.1} and nothing is stored. Null when allowed.
     */
    private static SmtpReply checkOriginator(SmtpSession session, SmtpTransaction transaction, MessageBuffer buffer) {
        OriginatorFields fields;
        boolean allowed;
        try {
            fields = OriginatorFields.read(buffer);
            allowed = fields.fromFields() == 1 && !fields.from().isEmpty()
                    && session.intake().mayUseFrom(session.authenticatedUser(), fields.from(), fields.sender());
        } catch (IOException | RuntimeException e) {
            session.log(Level.ERROR, "transaction-refused", "reason=from-check-error outcome=451", e);
            return SmtpReply.of(451, "4.3.0", "Error: temporary failure, try again later");
        }
        if (!allowed) {
            session.log(Level.INFO, "transaction-refused", "reason=from-not-owned from=" + transaction.reversePath()
                    + " header-from=" + fields.from().stream().map(AuthCommand::shown).toList() + " outcome=553");
            return SmtpReply.of(553, "5.7.1", "From header address rejected: not owned by user "
                    + session.authenticatedUser());
        }
        return null;
    }

    private static SmtpReply refused(SmtpSession session, SmtpTransaction transaction, String reason,
            SmtpReply reply) {
        Level level = transaction.problem() == SmtpTransaction.ContentProblem.BARE_NEWLINE ? Level.WARNING
                : Level.INFO;
        session.log(level, "transaction-refused", "reason=" + reason + " from=" + transaction.reversePath()
                + " rcpts=" + transaction.recipientCount() + " outcome=" + reply.code());
        return reply;
    }

    private static SmtpReply deliver(SmtpSession session, SmtpTransaction transaction) {
        MessageBuffer buffer = transaction.buffer();
        if (session.submission()) {
            SmtpReply refusal = checkOriginator(session, transaction, buffer);
            if (refusal != null) {
                return refusal;
            }
        }
        InboundEnvelope envelope = new InboundEnvelope(session.heloName(), session.connection().remoteIp(),
                transaction.reversePath().address(), transaction.recipients(), session.authenticatedUser(),
                transaction.eightBitMime(), session.clock().instant(), session.connection().sessionId(),
                transaction.envid(), transaction.ret(), transaction.recipientDsn());
        String detail = "from=" + transaction.reversePath() + " rcpts=" + transaction.recipientCount() + " size="
                + buffer.size();
        try {
            String queueId = session.intake().accept(envelope, buffer);
            session.messageAccepted();
            session.log(Level.INFO, "message-accepted", "queue-id=" + queueId + " " + detail + " outcome=250");
            return SmtpReply.of(250, "2.0.0", "Ok: queued as " + queueId);
        } catch (IntakeException e) {
            int code = e.temporary() ? 451 : 554;
            session.log(Level.WARNING, "transaction-refused", "reason=intake (" + e.getMessage() + ") " + detail
                    + " outcome=" + code);
            return e.temporary() ? SmtpReply.of(451, "4.3.0", "Error: temporary failure, try again later")
                    : SmtpReply.of(554, "5.3.0", "Error: message refused");
        } catch (RuntimeException e) {
            session.log(Level.ERROR, "transaction-refused", "reason=intake-error " + detail + " outcome=451", e);
            return SmtpReply.of(451, "4.3.0", "Error: temporary failure, try again later");
        }
    }
}
