package org.atrium.store.application.internal;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.atrium.store.application.AccountView;
import org.atrium.store.application.DirectoryService;
import org.atrium.store.application.GroupView;
import org.atrium.store.application.RecipientResolution;
import org.atrium.store.application.RecipientResolution.Kind;

/**
 * A directory in memory for the routing tests: accounts (with aliases and display names), groups, public folders and
 * hosted domains; {@link #resolve} answers as {@code DefaultDirectoryService} does, counting the look-ups.
 */
public final class FakeDirectory {

    private final Map<String, String> accounts = new HashMap<>(); // address or alias -> account
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, Boolean> enabled = new HashMap<>();
    private final Map<String, GroupView> groups = new HashMap<>();
    private final Map<String, Long> folders = new HashMap<>();
    private final List<String> domains = new ArrayList<>();
    public final Map<String, Integer> groupLookups = new HashMap<>();

    public FakeDirectory(String... hostedDomains) {
        domains.addAll(List.of(hostedDomains));
    }

    public FakeDirectory account(String address, String displayName, String... aliases) {
        accounts.put(address, address);
        names.put(address, displayName);
        enabled.put(address, true);
        for (String a : aliases) {
            accounts.put(a, address);
        }
        return this;
    }

    public FakeDirectory disabled(String address) {
        enabled.put(address, false);
        return this;
    }

    public FakeDirectory group(String address, boolean membersOnly, String... members) {
        groups.put(address, new GroupView(groups.size() + 1, address, address, membersOnly, List.of(members),
                List.of()));
        return this;
    }

    public FakeDirectory folder(String address, long id) {
        folders.put(address, id);
        return this;
    }

    public RecipientResolution resolve(String address) {
        String a = address.strip().toLowerCase(Locale.ROOT);
        int at = a.lastIndexOf('@');
        if (at < 1 || !domains.contains(a.substring(at + 1))) {
            return new RecipientResolution(Kind.NOT_LOCAL, null);
        }
        if (accounts.containsKey(a)) {
            String owner = accounts.get(a);
            return new RecipientResolution(enabled.get(owner) ? Kind.LOCAL : Kind.DISABLED, owner);
        }
        if (folders.containsKey(a)) {
            return new RecipientResolution(Kind.PUBLIC_FOLDER, a, folders.get(a));
        }
        if (groups.containsKey(a)) {
            return new RecipientResolution(Kind.GROUP, a);
        }
        return new RecipientResolution(Kind.UNKNOWN_LOCAL, null);
    }

    public Optional<GroupView> groupView(String address) {
        String a = address.strip().toLowerCase(Locale.ROOT);
        groupLookups.merge(a, 1, Integer::sum);
        return Optional.ofNullable(groups.get(a));
    }

    /** As a {@link DirectoryService}: resolve, group and account; anything else fails the test. */
    public DirectoryService service() {
        return (DirectoryService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DirectoryService.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "resolve" -> resolve((String) args[0]);
                    case "group" -> groupView((String) args[0]);
                    case "account" -> Optional.ofNullable(names.containsKey((String) args[0])
                            ? new AccountView(1, (String) args[0], names.get((String) args[0]), null, null, null,
                                    null, null, null, false, true, List.of(), null, null)
                            : null);
                    case "mailboxFull" -> false;
                    case "toString" -> "FakeDirectory";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** As a {@link GroupExpansion.Lookup}. */
    public GroupExpansion.Lookup lookup() {
        return GroupExpansion.Lookup.of(service());
    }
}
