/**
 * The IMAP message library: what FETCH, SEARCH, SORT and THREAD compute from the metadata parsed at delivery
 * ({@link org.atrium.connector.mime.ParsedMessage}) and, only where they must, from the raw message.
 *
 * <ul>
 * <li>{@link org.atrium.connector.imap.message.ImapResponseBuilder}: response octets, strings quoted or literal.</li>
 * <li>{@link org.atrium.connector.imap.message.EnvelopeEncoder}, {@link
 * org.atrium.connector.imap.message.BodyStructureEncoder}: ENVELOPE, BODY and BODYSTRUCTURE (RFC 3501 §7.4.2).</li>
 * <li>{@link org.atrium.connector.imap.message.BodySections}: {@code BODY[section]<partial>} (RFC 3501 §6.4.5) from
 * the stored byte offsets.</li>
 * <li>{@link org.atrium.connector.imap.message.SearchEvaluator}: search keys (RFC 3501 §6.4.4 and extensions), with
 * {@code needsDetails}/{@code needsContent} telling the session what to load; cheaper keys are tried first.</li>
 * <li>{@link org.atrium.connector.imap.message.MessageSorter}, {@link
 * org.atrium.connector.imap.message.MessageThreader}: SORT and THREAD (RFC 5256, RFC 5957).</li>
 * </ul>
 *
 * <p>All classes are stateless or per-response; none throws on message content, however malformed: ranges are
 * clipped to the raw octets and undecodable text is searched as octets.
 */
package org.atrium.connector.imap.message;
