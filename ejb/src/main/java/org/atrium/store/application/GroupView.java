package org.atrium.store.application;

import java.util.List;

/**
 * A distribution group as the interfaces see it.
 *
 * @param members every member address: accounts, aliases, other groups, outside contacts
 * @param nestedGroups the members that are groups here themselves (issue #6)
 */
public record GroupView(long id, String address, String displayName, boolean membersOnly, List<String> members,
        List<String> nestedGroups) {
}
