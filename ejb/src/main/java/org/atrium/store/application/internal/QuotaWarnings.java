package org.atrium.store.application.internal;

/**
 * When a public folder's owners are warned about its size (ADR 0006): once when usage reaches the warning level,
 * and again only after usage went below it (which clears the record of the warning).
 */
final class QuotaWarnings {

    /** What to do after a filing. */
    enum Decision {
        /** Send the warning and record it. */
        WARN,
        /** Usage is below the level (or there is none): forget the warning sent. */
        CLEAR,
        /** Nothing changes. */
        NONE
    }

    private QuotaWarnings() {
    }

    /**
     * @param warnBytes the warning level, null: none
     * @param warned whether a warning is recorded ({@code quota_warned_at})
     * @param usage bytes the folder holds now
     */
    static Decision decide(Long warnBytes, boolean warned, long usage) {
        boolean above = warnBytes != null && usage >= warnBytes;
        if (above) {
            return warned ? Decision.NONE : Decision.WARN;
        }
        return warned ? Decision.CLEAR : Decision.NONE;
    }
}
