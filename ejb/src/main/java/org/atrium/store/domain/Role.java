package org.atrium.store.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Exchange's folder permission roles as named presets of RFC 4314 rights (ADR 0006). An administrator or folder owner
 * picks a role; what is stored is the rights it stands for: {@link #rights()} on every item of the folder, and
 * {@link #ownRights()} (among {@code w t e}) on the items the grantee filed itself ("edit own", "delete own").
 *
 * <p>Mapping of Exchange's permissions: folder visible = {@code l}; read items = {@code r} (and {@code s}: keeping
 * one's own read state); create items = {@code i p}; create subfolders = {@code k}; edit all = {@code w};
 * delete all = {@code t e}; delete the folder = {@code x}; folder owner = {@code a}.
 */
public enum Role {

    OWNER("lrswipkxtea", ""),
    PUBLISHING_EDITOR("lrswipkte", ""),
    EDITOR("lrswipte", ""),
    PUBLISHING_AUTHOR("lrsipk", "wte"),
    AUTHOR("lrsip", "wte"),
    NONEDITING_AUTHOR("lrsip", "te"),
    REVIEWER("lrs", ""),
    CONTRIBUTOR("lip", ""),
    NONE("l", "");

    private final Rights rights;
    private final Rights ownRights;

    Role(String rights, String ownRights) {
        this.rights = new Rights(rights);
        this.ownRights = new Rights(ownRights);
    }

    /** Rights on every item of the folder, and on the folder itself. */
    public Rights rights() {
        return rights;
    }

    /** Extra rights on the items the grantee created (a subset of {@code w t e} not already in {@link #rights()}). */
    public Rights ownRights() {
        return ownRights;
    }

    /**
     * The role by name, as an administrator writes it: {@code Owner}, {@code PublishingEditor},
     * {@code publishing-editor}, {@code Publishing Editor} ... (case, spaces, dashes and underscores ignored).
     */
    public static Optional<Role> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String key = name.replaceAll("[\\s_-]", "").toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.name().replace("_", "").toLowerCase(Locale.ROOT).equals(key))
                .findFirst();
    }

    /** The role whose rights are exactly these, if any (a custom combination has none). */
    public static Optional<Role> of(Rights rights, Rights ownRights) {
        return Arrays.stream(values()).filter(r -> r.rights.equals(rights) && r.ownRights.equals(ownRights))
                .findFirst();
    }

    /** The display name Exchange uses: {@code Publishing Editor}. */
    public String displayName() {
        StringBuilder sb = new StringBuilder();
        for (String word : name().split("_")) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return sb.toString();
    }
}
