package org.atrium.connector.pop3;

import java.util.Optional;

/**
 * Port: what the POP3 server needs from the store (RFC 1939). The store implements it.
 * Every method blocks and is called only from a session's worker thread.
 */
public interface MaildropPort {

    /**
     * Checks a user's password (RFC 1939 §7 USER/PASS). Implementations compare slow salted hashes and count failures.
     *
     * @return the canonical account address when the credentials are right and the account may use POP3
     */
    Optional<String> authenticate(String user, String password, String clientIp);

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
     * Opens the account's maildrop (its INBOX) for exclusive use (RFC 1939 §8: the server acquires an exclusive-access
     * lock on entering the TRANSACTION state).
     *
     * @throws MaildropBusyException when another session holds the maildrop
     */
    Maildrop open(String account) throws MaildropBusyException;
}
