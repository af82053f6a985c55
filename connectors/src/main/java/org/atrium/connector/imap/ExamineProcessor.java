package org.atrium.connector.imap;

/** EXAMINE (RFC 3501 §6.3.2): SELECT read-only; the parser marks the request {@code readOnly}. */
public final class ExamineProcessor extends SelectProcessor {

    @Override
    public String name() {
        return "EXAMINE";
    }
}
