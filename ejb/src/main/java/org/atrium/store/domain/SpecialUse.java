package org.atrium.store.domain;

/** The special uses of RFC 6154 that Atrium creates with every mailbox, plus the INBOX of RFC 3501 §5.1. */
public enum SpecialUse {
    INBOX("INBOX"),
    SENT("Sent"),
    DRAFTS("Drafts"),
    TRASH("Trash"),
    JUNK("Junk");

    private final String defaultName;

    SpecialUse(String defaultName) {
        this.defaultName = defaultName;
    }

    /** The folder name created for it in a new mailbox. */
    public String defaultName() {
        return defaultName;
    }
}
