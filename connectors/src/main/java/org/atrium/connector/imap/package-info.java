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
 * {@code message} for message data. {@link org.atrium.connector.imap.ImapInputDecoder} frames raw octets the same
 * way for hosts that do not drive an {@link org.atrium.connector.net.OctetAwareSession}.
 *
 * <p>The session answers {@code NeedLiteral(n, true)} with {@code + Ready for literal data} before reading more; it
 * reads the SASL responses of AUTHENTICATE and the {@code DONE} of IDLE itself, outside the reader; processors
 * resolve {@code $} sequence sets from the saved search result ({@link org.atrium.connector.imap.SelectedMailbox}
 * {@code resolve}) and decide CHARSET support. Every bound is in {@link org.atrium.connector.imap.ImapRequestLimits}
 * and {@link org.atrium.connector.imap.ImapSettings}.
 */
package org.atrium.connector.imap;
