package org.atrium.store.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.atrium.store.application.DirectoryService;
import org.atrium.store.application.RecipientResolution;

/**
 * Turns one accepted recipient into its final destinations at delivery time (issue #4): an account's INBOX, a
 * mail-enabled public folder, a remote address for the outbound queue, or a failure for the sender's DSN.
 */
@ApplicationScoped
public class RecipientRouter {

    @Inject
    DirectoryService directory;

    /**
     * @param address a recipient as accepted at RCPT (canonical for local addresses)
     * @param sender the message's reverse-path, "" for the null sender
     * @return at least one route; a recipient that expands to several destinations yields each once
     */
    public List<Route> routes(String address, String sender) {
        RecipientResolution r = directory.resolve(address);
        return switch (r.kind()) {
            case LOCAL, DISABLED -> List.of(new Route.Mailbox(r.mailbox()));
            case PUBLIC_FOLDER -> List.of(new Route.PublicFolder(r.folderId(), r.mailbox()));
            case NOT_LOCAL -> List.of(new Route.Remote(address));
            case UNKNOWN_LOCAL -> List.of(new Route.Failed(address, "5.1.1", "no such mailbox any more"));
        };
    }
}
