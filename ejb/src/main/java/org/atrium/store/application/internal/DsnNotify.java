package org.atrium.store.application.internal;

import java.util.Locale;

/**
 * Which notifications a recipient asked for (RFC 3461 §4.1): NOTIFY=NEVER none; otherwise the listed ones of
 * SUCCESS, FAILURE, DELAY; without NOTIFY, failure and delay (§4.1, "the MTA SHOULD return failure and may return
 * delay"). No notification ever goes to the null reverse-path (§6.2; RFC 5321 §6.1).
 */
final class DsnNotify {

    enum On { SUCCESS, FAILURE, DELAY }

    private DsnNotify() {
    }

    static boolean wants(String reversePath, String notify, On on) {
        if (reversePath == null || reversePath.isEmpty()) {
            return false;
        }
        if (notify == null || notify.isBlank()) {
            return on != On.SUCCESS;
        }
        for (String part : notify.toUpperCase(Locale.ROOT).split(",")) {
            if (part.trim().equals(on.name())) {
                return true;
            }
        }
        return false;
    }
}
