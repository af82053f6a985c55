/**
 * The IMAP4rev1 server (RFC 3501, RFC 9051 §9 formal syntax; LITERAL+ RFC 7888; literal8 RFC 3516 and the extensions
 * in {@link org.atrium.connector.imap.ImapCapabilities}). Plain Java, no container or Netty types.
 *
 * <p>Pipeline, one small class per stage and per command: {@link org.atrium.connector.imap.ImapRequestReader} (one
 * complete {@link org.atrium.connector.imap.ImapCommandLine} from lines and literals, or a step telling the session
 * to send a continuation, BAD, {@code NO [TOOBIG]} or BYE) → {@link org.atrium.connector.imap.ImapCommandParsers}
 * (name → {@code <Verb>CommandParser} → {@code <Verb>Request}, or a tagged BAD; never an exception) →
 * {@link org.atrium.connector.imap.ImapSession} (state check against {@link org.atrium.connector.imap.ImapState},
 * dispatch) → {@code <Verb>Processor} (stateless, {@link org.atrium.connector.imap.ImapProcessor}) → responses
 * through {@link org.atrium.connector.imap.ImapContext}, with {@code message.ImapResponseBuilder} and the encoders of
 * {@code message} for message data. The host frames lines and literal octets for the session, which is an
 * {@link org.atrium.connector.net.OctetAwareSession} (ADR 0005).
 *
 * <p>The session answers {@code NeedLiteral(n, true)} with {@code + Ready for literal data} before reading more; it
 * reads the SASL responses of AUTHENTICATE and the {@code DONE} of IDLE itself, outside the reader; processors
 * resolve {@code $} sequence sets from the saved search result ({@link org.atrium.connector.imap.SelectedMailbox}
 * {@code resolve}) and decide CHARSET support. Every bound is in {@link org.atrium.connector.imap.ImapRequestLimits}
 * and {@link org.atrium.connector.imap.ImapSettings}.
 *
 * <p>Adding a processor: extend {@code BaseProcessor} with the command name, request type and one of the
 * {@link org.atrium.connector.imap.ImapState} sets; FETCH, STORE, SEARCH, SORT and THREAD override
 * {@code allowsExpungeResponses} to return {@code request.uid()} (RFC 3501 §7.4.1). Work on the selected view
 * through {@code ctx.requireSelected()}: {@code resolve} turns a sequence set (or {@code $}) into sequence numbers,
 * {@code update} takes in the session's own flag changes (so they are not reported again as others'), and
 * {@code expunged} removes the session's own expunges and returns the EXPUNGE/VANISHED lines to send. End with one
 * tagged response; a {@link org.atrium.connector.imap.port.MailboxException} may simply be thrown. Register it in
 * {@code MessageProcessors} (message commands) or {@code SessionProcessors}; {@code ImapCapabilities} then
 * advertises what it completes, and {@code ImapStateTableTest} checks its states.
 */
package org.atrium.connector.imap;
