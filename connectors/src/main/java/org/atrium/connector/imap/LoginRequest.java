package org.atrium.connector.imap;

/** LOGIN (RFC 3501 §6.2.3). {@link #toString()} hides the password so a logged request never leaks it. */
public record LoginRequest(String tag, String user, String password) implements ImapRequest {
    @Override
    public String toString() {
        return "LoginRequest[tag=" + tag + ", user=" + user + ", password=***]";
    }
}
