package org.atrium.store.application.internal;

import java.util.Locale;
import org.atrium.store.domain.Folder;
import org.atrium.store.domain.FolderPath;

/**
 * An IMAP mailbox name as a caller gives it, split by namespace (RFC 2342 §5, ADR 0006): the caller's own folders
 * ({@code INBOX}, any other path), another user's ({@code Other Users/<address>/<path>}) and the public ones
 * ({@code Public Folders/<path>}). The namespace prefixes compare exactly, like every other name; the address
 * compares case-insensitively and is kept lower case. A name that stops at a namespace root ({@code Other Users},
 * {@code Other Users/<address>}, {@code Public Folders}) has no {@link #path}: it names no folder.
 *
 * <p>Pure: the store resolves the owner ({@link Mailboxes#tryReach}); {@link #of} formats the name a caller sees.
 *
 * @param space the namespace
 * @param user the other user's address, lower case ({@link Space#OTHER_USERS} only, null for the bare root)
 * @param path the folder path in the owner's hierarchy, or null for a namespace root
 */
record MailboxName(Space space, String user, FolderPath path) {

    /** Prefix of the other users' namespace; equal to the IMAP port's {@code ImapMailStore.OTHER_USERS}. */
    static final String OTHER_USERS = "Other Users";

    /** Prefix of the shared namespace; equal to the IMAP port's {@code ImapMailStore.PUBLIC_FOLDERS}. */
    static final String PUBLIC_FOLDERS = "Public Folders";

    /** The namespaces of RFC 2342 as ADR 0006 lays them out. */
    enum Space {
        /** The caller's own folders (personal namespace). */
        OWN,
        /** Another user's folders. */
        OTHER_USERS,
        /** The public folders of the caller's public store. */
        PUBLIC
    }

    /** Whether this names a folder (not just a namespace root or a user's name). */
    boolean isFolder() {
        return path != null;
    }

    /**
     * Parses a name. A single trailing delimiter is dropped (RFC 3501 §6.3.3).
     *
     * @throws IllegalArgumentException when the folder path breaks the rules of {@link FolderPath}
     */
    static MailboxName parse(String name) {
        if (name == null) {
            throw new IllegalArgumentException("no folder name");
        }
        String n = name.length() > 1 && name.charAt(name.length() - 1) == Folder.DELIMITER
                ? name.substring(0, name.length() - 1) : name;
        if (n.equals(PUBLIC_FOLDERS)) {
            return new MailboxName(Space.PUBLIC, null, null);
        }
        if (n.startsWith(PUBLIC_FOLDERS + Folder.DELIMITER)) {
            return new MailboxName(Space.PUBLIC, null, FolderPath.parse(n.substring(PUBLIC_FOLDERS.length() + 1)));
        }
        if (n.equals(OTHER_USERS)) {
            return new MailboxName(Space.OTHER_USERS, null, null);
        }
        if (n.startsWith(OTHER_USERS + Folder.DELIMITER)) {
            String rest = n.substring(OTHER_USERS.length() + 1);
            int slash = rest.indexOf(Folder.DELIMITER);
            String user = slash < 0 ? rest : rest.substring(0, slash);
            if (user.isBlank()) {
                throw new IllegalArgumentException("no user in " + name);
            }
            return new MailboxName(Space.OTHER_USERS, user.toLowerCase(Locale.ROOT),
                    slash < 0 ? null : FolderPath.parse(rest.substring(slash + 1)));
        }
        return new MailboxName(Space.OWN, null, FolderPath.parse(n));
    }

    /** The name of a folder of {@code space} (user: the other user's address) at {@code path} (null: the root). */
    static String of(Space space, String user, String path) {
        return switch (space) {
            case OWN -> path;
            case PUBLIC -> path == null ? PUBLIC_FOLDERS : PUBLIC_FOLDERS + Folder.DELIMITER + path;
            case OTHER_USERS -> user == null ? OTHER_USERS
                    : OTHER_USERS + Folder.DELIMITER + user.toLowerCase(Locale.ROOT)
                            + (path == null ? "" : Folder.DELIMITER + path);
        };
    }

    @Override
    public String toString() {
        return of(space, user, path == null ? null : path.value());
    }
}
