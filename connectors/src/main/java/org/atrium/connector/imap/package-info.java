/**
 * The IMAP request layer (RFC 3501, RFC 9051 §9 formal syntax; LITERAL+ RFC 7888; literal8 RFC 3516): input framing,
 * command assembly and argument parsing into immutable requests. Plain Java, no container or Netty types; nothing
 * hosts it yet.
 *
 * <p>Pipeline, one small class per stage and per command: {@link org.atrium.connector.imap.ImapInputDecoder} (raw
 * octets to lines and literals) → {@link org.atrium.connector.imap.ImapRequestReader} (one complete
 * {@link org.atrium.connector.imap.ImapCommandLine}, or a step telling the session to send a continuation, BAD,
 * {@code NO [TOOBIG]} or BYE) → {@link org.atrium.connector.imap.ImapCommandParsers} (name → {@code <Verb>CommandParser}
 * → {@code <Verb>Request}, or a tagged BAD; never an exception). Processors, responses and encoders come next.
 *
 * <p>Contract for the future session: it answers {@code NeedLiteral(n, true)} with {@code + Ready for literal data}
 * before reading more; it reads the SASL responses of AUTHENTICATE and the {@code DONE} of IDLE itself, outside the
 * reader; it resolves {@code $} sequence sets from its saved search result and decides CHARSET support, state
 * validity and capability checks (for example refusing {@code {n+}} if LITERAL+ is not advertised). Every bound is
 * in {@link org.atrium.connector.imap.ImapRequestLimits}.
 */
package org.atrium.connector.imap;
