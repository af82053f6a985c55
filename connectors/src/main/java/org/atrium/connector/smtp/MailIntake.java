package org.atrium.connector.smtp;

/**
 * Port: what the SMTP server needs from the store. The store implements it; the SMTP code knows nothing else of it.
 *
 * <p>Both methods block (database, disk) and are only called from a session's worker thread.
 */
public interface MailIntake {

    /**
     * Decides on one RCPT TO (RFC 5321 §3.3, §4.1.1.3).
     *
     * @param forwardPath the address without angle brackets, e.g. {@code alice@atrium.test}
     * @param relayPermitted whether this client may relay to remote domains (authenticated or trusted); when false,
     *        any address not hosted here is {@link RecipientCheck.Outcome#RELAY_DENIED}
     */
    RecipientCheck checkRecipient(String forwardPath, boolean relayPermitted);

    /**
     * Decides on one RCPT TO knowing who sent it: a mail-enabled public folder takes posts only from senders with the
     * post right (ADR 0006), an authenticated one with that user's rights, anyone else with everybody's. Abstract
     * rather than a default method: the store implements the port as an EJB, whose proxies are safest with plain
     * business methods.
     *
     * @param authenticatedUser the SMTP AUTH identity of the session (RFC 4954), or null
     */
    RecipientCheck checkRecipient(String forwardPath, boolean relayPermitted, String authenticatedUser);

    /**
     * Takes responsibility for a message (RFC 5321 §4.1.1.4, §6.1): returns only once the content is on disk and its
     * queue entry committed, so that a 250 reply after it is a promise kept even if the process dies next.
     *
     * @return the queue id, quoted in the 250 reply and in the logs
     * @throws IntakeException when the message cannot be taken; {@link IntakeException#temporary()} says whether the
     *         client should try again (4xx) or not (5xx)
     */
    String accept(InboundEnvelope envelope, MessageData content) throws IntakeException;
}
