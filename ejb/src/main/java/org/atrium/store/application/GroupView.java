package org.atrium.store.application;

import java.util.List;

/** A distribution group as the interfaces see it. */
public record GroupView(long id, String address, String displayName, boolean membersOnly, List<String> members) {
}
