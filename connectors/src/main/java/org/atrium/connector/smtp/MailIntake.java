package org.atrium.connector.smtp;

import java.util.List;
import java.util.Optional;

/**
 * Port: what the SMTP server needs from the store. The store implements it; the SMTP code knows nothing else of it.
 *
 * <p>All methods block (database, disk) and are only called from a session's worker thread. The submission listener
 * (RFC 6409) also uses {@link #authenticate}, {@link #mayUseSender} and {@link #mayUseFrom}: the protocol lives in
 * the connector, the rules of who may send as whom (own addresses, aliases, ADR 0006 grants) in the store.
 */
public interface MailIntake {

    /**
     * Checks SMTP AUTH credentials (RFC 4954 §4). A failure is answered late, the delay growing with the failures
     * counted for that login, so the caller simply blocks; the password is never logged.
     *
     * @param login the authentication identity the client gave (an address, or an alias of one)
     * @param password the password, as sent
     * @param clientIp for the directory's audit
     * @return the canonical account address on success; empty for bad credentials or a disabled account
     */
    Optional<String> authenticate(String login, String password, String clientIp);

    /**
     * Asked after a successful {@link #authenticate}: whether the account may not use this protocol (ADR 0016, a
     * class of service without it). A refusal is no password failure: it is neither throttled nor counted.
     *
     * @param account the canonical address authenticate returned
     * @return why the login is refused (the class of service's name), or empty when it may go on
     */
    default Optional<String> loginRefusal(String account, String clientIp) {
        return Optional.empty();
    }

    /**
     * Whether {@code user} may give {@code address} as MAIL FROM on submission (RFC 6409 §6.1, issue #4): its own
     * address, one of its aliases, or an address of an owner who granted it send-as or send-on-behalf (ADR 0006).
     *
     * @param user the canonical address {@link #authenticate} returned
     * @param address the reverse-path without brackets, never empty
     */
    boolean mayUseSender(String user, String address);

    /**
     * Whether {@code user} may submit a message with these {@code From:} addresses (RFC 5322 §3.6.2): each must be
     * the user's own address or alias, or of an owner who granted send-as; an owner who granted only send-on-behalf
     * is accepted when {@code senderAddress} (the {@code Sender:} field) is the user's own address or alias.
     *
     * @param fromAddresses the addr-specs of the From field, at least one
     * @param senderAddress the addr-spec of the Sender field, or null when there is none
     */
    boolean mayUseFrom(String user, List<String> fromAddresses, String senderAddress);

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
     * As {@link #checkRecipient(String, boolean, String)}, knowing the transaction's reverse-path too: a distribution
     * group that takes mail from its members only (issue #4) checks the authenticated user, or else the MAIL FROM
     * address, against its (nested) members.
     *
     * @param reversePath MAIL FROM without brackets, "" for the null reverse-path
     */
    RecipientCheck checkRecipient(String forwardPath, boolean relayPermitted, String authenticatedUser,
            String reversePath);

    /**
     * EXPN (RFC 5321 §3.5.2, §4.1.1.7): the members of a distribution list, nested lists expanded, each as an
     * address (optionally with its display name, {@code Name <addr>}); empty when {@code address} is not a list here.
     * The SMTP server only calls this when the administrator enabled EXPN.
     */
    List<String> expand(String address);

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
