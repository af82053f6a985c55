package org.atrium.connector.pop3;

/** Another session holds the maildrop's exclusive lock (RFC 1939 §8; RFC 2449 §8.1.2 [IN-USE]). */
public class MaildropBusyException extends Exception {

    private static final long serialVersionUID = 1L;

    public MaildropBusyException(String account) {
        super("maildrop in use: " + account);
    }
}
