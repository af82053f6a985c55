package org.atrium.store.application;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;

/**
 * A public folder as the interfaces see it (ADR 0006).
 *
 * @param tree {@value PublicFolderService#ORGANISATION} or the domain whose own tree holds it
 * @param address the folder's mail address when it is mail-enabled, else null
 * @param quotaWarnBytes level above which the owners are warned once; null: none
 * @param quotaProhibitBytes level above which posts and appends are refused; null: none
 * @param bytes octets held by the folder's messages
 * @param permissions the ACL entries, by identifier
 */
@JsonbNillable // null fields are written as null: clients read {"address": null}, not a missing key
public record PublicFolderView(long id, String path, String tree, String address, String displayName,
        Long quotaWarnBytes, Long quotaProhibitBytes, long bytes, long messages, List<Permission> permissions) {

    /**
     * One ACL entry.
     *
     * @param role the Exchange role whose rights these are exactly ({@code Publishing Editor}), or null
     * @param rights RFC 4314 rights on every item
     * @param ownRights further rights on the grantee's own items ({@code w t e})
     */
    @JsonbNillable
    public record Permission(String identifier, String role, String rights, String ownRights) {
    }

    /**
     * A public folder tree.
     *
     * @param tree {@value PublicFolderService#ORGANISATION} or the domain name
     * @param store the internal address of the store account holding it
     */
    public record Tree(String tree, String store) {
    }

    public PublicFolderView {
        permissions = List.copyOf(permissions);
    }
}
