package org.atrium.connector.imap;

/**
 * The commands without arguments (RFC 3501 §6.1.1-§6.1.3, §6.2.1, §6.4.1-§6.4.3; UNSELECT RFC 3691; NAMESPACE
 * RFC 2342; IDLE RFC 2177). They share one request type because they carry nothing but their name; their behaviour
 * still lives in one processor each. IDLE's {@code DONE} line is read by the session, not by the request reader.
 */
public enum SimpleCommand {
    CAPABILITY, NOOP, LOGOUT, STARTTLS, CHECK, CLOSE, UNSELECT, NAMESPACE, IDLE
}
