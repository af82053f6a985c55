package org.atrium.connector.smtp;

/** The store could not take a message. The message text is for logs, never shown to the client verbatim. */
public class IntakeException extends Exception {

    private static final long serialVersionUID = 1L;
    private final boolean temporary;

    public IntakeException(String message, boolean temporary, Throwable cause) {
        super(message, cause);
        this.temporary = temporary;
    }

    /** True: the client should retry later (451 4.3.0); false: permanent (554 5.3.0). */
    public boolean temporary() {
        return temporary;
    }
}
