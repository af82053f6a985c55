package org.atrium.store.application.internal;

import java.util.function.Function;
import java.util.function.Predicate;
import org.atrium.store.application.RecipientResolution;
import org.atrium.store.application.StoreException;
import org.atrium.store.domain.MailAddress;

/**
 * The rules of a domain's catch-all (ADR 0012): which targets are allowed, and what an unknown address means once one
 * is set. One catch-all never leads to another: a target here must exist, so resolving it needs no catch-all, and a
 * target is resolved without one.
 */
final class CatchAll {

    private CatchAll() {
    }

    /**
     * The canonical target to store for a requested catch-all.
     *
     * @param address as the administrator gave it; null or blank turns the catch-all off (null is returned)
     * @param domainOfAlias the hosted domain a domain alias stands for, or null when the name is no domain alias
     * @param hosted whether a domain name is hosted here
     * @param taken whether an account, alias, group or mail-enabled folder has an address
     * @throws StoreException INVALID ("address") for no address, or an address of a hosted domain nothing has
     */
    static String target(String address, Function<String, String> domainOfAlias, Predicate<String> hosted,
            Predicate<String> taken) {
        if (address == null || address.isBlank()) {
            return null;
        }
        MailAddress parsed;
        try {
            parsed = MailAddress.parse(address.strip());
        } catch (IllegalArgumentException e) {
            throw StoreException.invalid("address", e.getMessage());
        }
        String domain = domainOfAlias.apply(parsed.domain());
        String target = parsed.localPart() + "@" + (domain != null ? domain : parsed.domain());
        if (hosted.test(target.substring(target.lastIndexOf('@') + 1)) && !taken.test(target)) {
            // Resolving it would need the catch-all of its own domain again (or this one's: a loop).
            throw StoreException.invalid("address", "no account, alias, group or public folder " + target
                    + " here; a catch-all names an existing address, or one in another domain");
        }
        return target;
    }

    /**
     * What an unknown address of a hosted domain means.
     *
     * @param localPart the unknown address's local part (lower case)
     * @param target the domain's catch-all, or null
     * @param resolveTarget resolves the target without any catch-all
     * @return UNKNOWN_LOCAL without a catch-all and for postmaster (RFC 5321 §4.5.1: it stays with the
     *         administrators); FORWARD to a target outside; else what the target is (UNKNOWN_LOCAL once it is gone)
     */
    static RecipientResolution resolve(String localPart, String target,
            Function<String, RecipientResolution> resolveTarget) {
        if (target == null || localPart.equals("postmaster")) {
            return new RecipientResolution(RecipientResolution.Kind.UNKNOWN_LOCAL, null);
        }
        RecipientResolution t = resolveTarget.apply(target);
        return t.kind() == RecipientResolution.Kind.NOT_LOCAL
                ? new RecipientResolution(RecipientResolution.Kind.FORWARD, target) : t;
    }
}
