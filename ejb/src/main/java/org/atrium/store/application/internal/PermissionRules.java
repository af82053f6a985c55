package org.atrium.store.application.internal;

import java.util.Locale;
import java.util.function.Function;
import org.atrium.store.application.StoreException;
import org.atrium.store.domain.FolderAcl;
import org.atrium.store.domain.Rights;
import org.atrium.store.domain.Role;

/**
 * The checks an administrator's permission change passes before it is stored (ADR 0006): who an identifier may be,
 * and what a role or raw rights stand for. Pure functions; the directory look-up comes in as a function.
 */
final class PermissionRules {

    /** What an address names in the directory. */
    enum IdentifierKind {
        /** A user's account: a valid identifier. */
        USER,
        /** A distribution group (its members, nested): a valid identifier. */
        GROUP,
        /** A public folder store or anything else that is no user: refused. */
        NOT_A_USER,
        /** Nothing: refused. */
        UNKNOWN
    }

    /** Rights on every item, and further rights on one's own items. */
    record Grant(Rights rights, Rights ownRights) {
    }

    /** The letters that mean anything as own rights (edit own, delete own). */
    static final Rights OWN_LETTERS = new Rights("wte");

    private PermissionRules() {
    }

    /**
     * The stored form of a permission identifier: {@code anyone}, {@code authenticated}, or the lower-case address of
     * a user or a group.
     *
     * @param lookup what a lower-case address names
     * @throws StoreException INVALID on field {@code identifier} for anything else
     */
    static String identifier(String raw, Function<String, IdentifierKind> lookup) {
        String id;
        try {
            id = FolderAcl.identifier(raw);
        } catch (IllegalArgumentException e) {
            throw StoreException.invalid("identifier", "identifier must be a user's or group's address, anyone or "
                    + "authenticated: " + raw);
        }
        if (id.equals(FolderAcl.ANYONE) || id.equals(FolderAcl.AUTHENTICATED)) {
            return id;
        }
        return switch (lookup.apply(id)) {
            case USER, GROUP -> id;
            case NOT_A_USER -> throw StoreException.invalid("identifier", id + " is not a user or group");
            case UNKNOWN -> throw StoreException.invalid("identifier", "no user or group " + id);
        };
    }

    /**
     * What a permission change grants: the role's presets when {@code role} is given, else {@code rights} (RFC 4314
     * letters, at least one) with {@code ownRights} (among {@code w t e}, none already in {@code rights}).
     *
     * @throws StoreException INVALID on field {@code role}, {@code rights} or {@code ownRights}
     */
    static Grant grant(String role, String rights, String ownRights) {
        if (role != null && !role.isBlank()) {
            if (rights != null || ownRights != null) {
                throw StoreException.invalid("role", "give a role or rights, not both");
            }
            Role r = Role.named(role).orElseThrow(() -> StoreException.invalid("role", "unknown role " + role
                    + " (Owner, Publishing Editor, Editor, Publishing Author, Author, Nonediting Author, Reviewer, "
                    + "Contributor, None)"));
            return new Grant(r.rights(), r.ownRights());
        }
        if (rights == null || rights.isBlank()) {
            throw StoreException.invalid("role", "a role or rights are required");
        }
        Rights all = parse("rights", rights);
        if (all.isEmpty()) {
            throw StoreException.invalid("rights", "at least one right; remove the permission instead");
        }
        Rights own = ownRights == null ? Rights.NONE : parse("ownRights", ownRights);
        if (!own.apply(Rights.Mode.REMOVE, OWN_LETTERS).isEmpty()) {
            throw StoreException.invalid("ownRights", "own rights are among w, t and e");
        }
        return new Grant(all, own.apply(Rights.Mode.REMOVE, all));
    }

    /** The role these rights stand for exactly, as Exchange names it, or null. */
    static String roleName(Rights rights, Rights ownRights) {
        return Role.of(rights, ownRights).map(Role::displayName).orElse(null);
    }

    private static Rights parse(String field, String letters) {
        try {
            return Rights.parse(letters.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw StoreException.invalid(field, e.getMessage());
        }
    }
}
