package org.atrium.connector.smtp;

/**
 * Handles one SMTP verb (RFC 5321 §4.1.1). Implementations keep no state: everything a command reads or changes lives
 * in the {@link SmtpSession}, so one instance serves every connection. The session has already checked that the verb
 * is valid in its current {@link SmtpState}.
 */
interface SmtpCommand {

    /**
     * @param session the conversation, which the command replies through exactly once
     * @param argument the text after the verb and its separating space, possibly empty; never null
     */
    void execute(SmtpSession session, String argument);
}
