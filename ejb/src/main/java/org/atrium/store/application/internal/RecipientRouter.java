package org.atrium.store.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import org.atrium.store.application.DirectoryService;
import org.atrium.store.application.RecipientResolution;

/**
 * Turns one accepted recipient into its final destinations at delivery time (issue #4): an account's INBOX, a
 * mail-enabled public folder, a remote address for the outbound queue, or a failure for the sender's DSN.
 *
 * <p>A distribution group expands into its members ({@link GroupExpansion}, ADR 0012): nested groups recursively,
 * each destination once, loops cut; a member that no longer exists (or is disabled), and a nested members-only group
 * the sender is no member of, are left out with a log line and no DSN. An unknown address of a domain with a
 * catch-all was accepted as the catch-all's own address, so it arrives here already as that address (or, for a
 * catch-all outside, resolves to FORWARD and routes as remote).
 */
@ApplicationScoped
public class RecipientRouter {

    private static final Logger LOG = System.getLogger("org.atrium.store.delivery");

    @Inject
    DirectoryService directory;

    /**
     * @param address a recipient as accepted at RCPT (canonical for local addresses)
     * @param sender the message's reverse-path, "" for the null sender
     * @return the routes, each once: one for an address, one per final member for a group (none for a group without
     *         members it may deliver to: the message is then done for that recipient, with nothing to file or bounce)
     */
    public List<Route> routes(String address, String sender) {
        RecipientResolution r = directory.resolve(address);
        return switch (r.kind()) {
            case LOCAL, DISABLED -> List.of(new Route.Mailbox(r.mailbox()));
            case PUBLIC_FOLDER -> List.of(new Route.PublicFolder(r.folderId(), r.mailbox()));
            case NOT_LOCAL -> List.of(new Route.Remote(address));
            case FORWARD -> List.of(new Route.Remote(r.mailbox()));
            case GROUP -> expand(r.mailbox(), sender == null ? "" : sender);
            case UNKNOWN_LOCAL -> List.of(new Route.Failed(address, "5.1.1", "no such mailbox any more"));
        };
    }

    private List<Route> expand(String group, String sender) {
        GroupExpansion.Result result = new GroupExpansion(GroupExpansion.Lookup.of(directory)).expand(group, sender);
        for (GroupExpansion.Skipped s : result.skipped()) {
            LOG.log(Level.INFO, "delivery: group {0} member {1} skipped: {2} from=<{3}>", group, s.address(),
                    s.reason(), sender);
        }
        LOG.log(Level.DEBUG, "delivery: group {0} expanded to {1} destination(s) from=<{2}>", group,
                result.routes().size(), sender);
        return result.routes();
    }
}
