package org.atrium.store.application;

import jakarta.ejb.Local;
import java.util.List;
import java.util.Optional;

/**
 * Administration of public folders (ADR 0006): the organisation's tree and the domains' own trees, folders, their
 * permissions (Exchange roles as presets of RFC 4314 rights), mail addresses and quota levels. Each method is one
 * transaction; refusals are {@link StoreException}s naming the field at fault.
 *
 * <p>A {@code tree} argument is null, empty or {@value #ORGANISATION} for the organisation's tree, else the name of a
 * domain that has its own tree. Identifiers of permissions are a user's address, a group's address, {@code anyone} or
 * {@code authenticated}.
 */
@Local
public interface PublicFolderService {

    /** The name of the organisation's tree. */
    String ORGANISATION = "organisation";

    /** Whether a mail-enabled folder takes a post (ADR 0006). */
    enum PostVerdict { ACCEPT, DENIED, FULL, NO_SUCH_FOLDER }

    /** The folders of a tree, by path. */
    List<PublicFolderView> list(String tree);

    PublicFolderView folder(String tree, String path);

    /** Creates a folder and its missing parents; a new folder inherits its parent's permissions. */
    PublicFolderView create(String tree, String path);

    /** Deletes a folder; with {@code force} also its subfolders and messages, else only an empty leaf. */
    void delete(String tree, String path, boolean force);

    /**
     * Sets the permission of an identifier: by {@code role} (an Exchange role name), or by raw {@code rights} and
     * {@code ownRights} when the role is null.
     *
     * @param actor null for an administrator; else the user acting, who must hold the folder's {@code a} right
     *        (folder owners manage permissions, ADR 0006), or the call is FORBIDDEN
     */
    PublicFolderView permit(String tree, String path, String identifier, String role, String rights,
            String ownRights, String actor);

    /** Removes the identifier's entry, if any; {@code actor} as for {@link #permit}. */
    void unpermit(String tree, String path, String identifier, String actor);

    /** Mail-enables the folder under {@code address} (in a hosted domain, unused by anything else). */
    PublicFolderView setAddress(String tree, String path, String address, String displayName);

    void removeAddress(String tree, String path);

    /** Sets the warning and prohibit levels in bytes (null: none). */
    PublicFolderView setQuota(String tree, String path, Long warnBytes, Long prohibitBytes);

    /** Gives a domain its own tree, which its users then see instead of the organisation's. */
    PublicFolderView.Tree createDomainTree(String domain);

    /** Every mail-enabled folder of every tree (the GAL's). */
    List<PublicFolderView> mailEnabled();

    /** The mail-enabled folder with that address. */
    Optional<PublicFolderView> byAddress(String address);

    /**
     * Whether a message to a mail-enabled folder is taken: the sender needs the post right {@code p} (an
     * authenticated sender with its rights, anyone else with {@code anyone}'s), and the folder must be below its
     * prohibit level.
     *
     * @param authenticatedUser the SMTP AUTH account (address or alias), or null
     */
    PostVerdict postVerdict(long folderId, String authenticatedUser);
}
