package org.atrium.store.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;

/**
 * One entry of a folder's access control list (RFC 4314 §2): an identifier and the {@link Rights} it holds.
 *
 * <p>Invariants: the identifier is {@code anyone} or a lower-case account address (identifiers compare
 * case-insensitively, as addresses do here); the rights are canonical and never empty (an entry that would lose its
 * last right is removed by the service instead); the owner of the folder has no entry, since the owner always holds
 * every right. A new subfolder starts with a copy of its parent's entries ({@link #inheritedBy}), so a tree shared
 * once stays shared as it grows; RENAME keeps the entries (they name the folder row, not its path) and DELETE drops
 * them with the folder.
 */
@Entity
@Table(name = "folder_acl")
@IdClass(FolderAcl.Key.class)
public class FolderAcl {

    /** The identifier everybody matches, also the unauthenticated (RFC 4314 §2; Exchange's "Anonymous"). */
    public static final String ANYONE = "anyone";

    /** The identifier every signed-in user matches (Exchange's "Default"; the name Dovecot and Cyrus use). */
    public static final String AUTHENTICATED = "authenticated";

    /** RFC 5321 §4.5.3.1: 64 octets of local part, {@code @}, 255 of domain. */
    static final int MAX_IDENTIFIER = 320;

    /** The primary key: folder and identifier. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private long folderId;
        private String identifier;

        public Key() {
        }

        public Key(long folderId, String identifier) {
            this.folderId = folderId;
            this.identifier = identifier;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.folderId == folderId && Objects.equals(k.identifier, identifier);
        }

        @Override
        public int hashCode() {
            return Objects.hash(folderId, identifier);
        }
    }

    @Id
    @Column(name = "folder_id")
    private long folderId;

    @Id
    @Column(nullable = false)
    private String identifier;

    @Column(nullable = false)
    private String rights;

    /** Rights on the items the identifier created itself, among {@code w t e} (ADR 0006; {@link Role}). */
    @Column(name = "own_rights", nullable = false)
    private String ownRights = "";

    protected FolderAcl() {
    }

    /**
     * @param identifier already {@linkplain #identifier(String) normalised}
     * @throws IllegalArgumentException for no rights
     */
    public FolderAcl(long folderId, String identifier, Rights rights) {
        if (!identifier.equals(identifier(identifier))) {
            throw new IllegalArgumentException("identifier not normalised: " + identifier);
        }
        this.folderId = folderId;
        this.identifier = identifier;
        setRights(rights);
    }

    /**
     * The stored form of an identifier: {@code anyone}, {@code authenticated} or an address (of an account or a
     * group), lower case.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static String identifier(String identifier) {
        String id = identifier == null ? "" : identifier.strip().toLowerCase(Locale.ROOT);
        if (id.equals(ANYONE) || id.equals(AUTHENTICATED)) {
            return id;
        }
        int at = id.indexOf('@');
        if (at <= 0 || at != id.lastIndexOf('@') || at == id.length() - 1 || id.length() > MAX_IDENTIFIER
                || id.chars().anyMatch(c -> c <= 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("not an address, anyone or authenticated: " + identifier);
        }
        return id;
    }

    /** The same entry for a new subfolder (inheritance, see class comment). */
    public FolderAcl inheritedBy(Folder child) {
        if (child.getId() == null) {
            throw new IllegalArgumentException("the subfolder is not persisted");
        }
        FolderAcl copy = new FolderAcl(child.getId(), identifier, getRights());
        copy.ownRights = ownRights;
        return copy;
    }

    public long getFolderId() {
        return folderId;
    }

    public String getIdentifier() {
        return identifier;
    }

    public Rights getRights() {
        return new Rights(rights);
    }

    public Rights getOwnRights() {
        return new Rights(ownRights);
    }

    /** Rights on the grantee's own items; only {@code w}, {@code t} and {@code e} mean anything there. */
    public void setOwnRights(Rights ownRights) {
        this.ownRights = ownRights.value();
    }

    /** Replaces the rights; an entry never holds none (see class comment). */
    public void setRights(Rights rights) {
        if (rights.isEmpty()) {
            throw new IllegalArgumentException("an entry holds at least one right");
        }
        this.rights = rights.value();
    }
}
