package org.atrium.connector.imap;

import java.util.ArrayList;
import java.util.List;
import org.atrium.connector.imap.port.FolderInfo;
import org.atrium.connector.imap.port.FolderStatus;
import org.atrium.connector.imap.port.ImapMailStore;
import org.atrium.connector.imap.port.MailboxException;

/**
 * LIST (RFC 3501 §6.3.8) with LIST-EXTENDED (RFC 5258): selection options SUBSCRIBED, REMOTE (no remote mailboxes
 * exist, so it changes nothing), RECURSIVEMATCH (§3.5 CHILDINFO for unsubscribed parents of subscribed matches) and
 * SPECIAL-USE (RFC 6154 §3); return options SUBSCRIBED, CHILDREN, SPECIAL-USE and STATUS (LIST-STATUS, RFC 5819).
 *
 * <p>\HasChildren or \HasNoChildren (RFC 3348, RFC 5258 §4) and special-use attributes are always sent, which both
 * RFCs permit without the return option. An empty pattern asks for the delimiter and root:
 * {@code * LIST (\Noselect) "/" ""} (§6.3.8). LIST-STATUS sends each STATUS right after its LIST line and none for
 * a mailbox it cannot open.
 *
 * <p>Names the user cannot select (ADR 0006: the roots {@code Other Users} and {@code Public Folders}, another
 * user's name, a folder the user may not look up, and levels that only exist as parts of deeper names) are listed
 * {@code \Noselect} so that clients walking the hierarchy find what is below them; when only SUBSCRIBED or
 * RECURSIVEMATCH selects such a name it is {@code \NonExistent} instead (RFC 5258 §3). Patterns match the full
 * name, so {@code *}, {@code %}, {@code Other Users/%} and {@code Public Folders/*} work across the namespaces.
 */
public final class ListProcessor extends BaseProcessor<ListRequest> {

    public ListProcessor() {
        super("LIST", ListRequest.class, ImapState.AUTHENTICATED_OR_SELECTED);
    }

    @Override
    public void process(ListRequest request, ImapContext ctx) throws MailboxException {
        String reference = ImapResponses.path(request.reference(), ctx);
        List<ListPattern> patterns = new ArrayList<>();
        boolean rootAsked = false;
        for (String p : request.patterns()) {
            if (p.isEmpty()) {
                rootAsked = true;
            } else {
                patterns.add(new ListPattern(reference, MailboxPaths.toPath(new MailboxName(p),
                        ctx.utf8())));
            }
        }
        if (rootAsked) {
            int d = reference.indexOf(ImapMailStore.DELIMITER);
            String root = d < 0 ? "" : reference.substring(0, d + 1);
            ctx.untagged("LIST (\\Noselect) \"/\" " + ImapResponses.mailbox(root, ctx));
        }
        if (!patterns.isEmpty()) {
            list(request, patterns, ctx);
        }
        ctx.ok(request.tag(), "LIST completed");
    }

    private static void list(ListRequest request, List<ListPattern> patterns, ImapContext ctx) {
        boolean subscribedOnly = request.selectionOptions().contains("SUBSCRIBED");
        boolean recursive = request.selectionOptions().contains("RECURSIVEMATCH");
        boolean specialOnly = request.selectionOptions().contains("SPECIAL-USE");
        boolean showSubscribed = subscribedOnly || request.returnOptions().contains("SUBSCRIBED");
        String account = ctx.requireAccount();
        List<FolderInfo> folders = ctx.store().folders(account);
        for (Level level : withMissingParents(folders)) {
            FolderInfo f = level.folder();
            String path = level.path();
            if (!matches(patterns, path) || (specialOnly && (f == null || f.specialUse() == null))) {
                continue;
            }
            boolean exists = f != null && f.selectable();
            boolean subscribed = f != null && f.subscribed();
            List<String> attrs = new ArrayList<>();
            String extended = "";
            if (subscribedOnly && !subscribed) {
                // RFC 5258 §3.5: an unsubscribed name only shows up for RECURSIVEMATCH, as the parent of a
                // subscribed name that the pattern does not match, with CHILDINFO.
                if (!recursive || !hasSubscribedDescendant(path, folders, patterns)) {
                    continue;
                }
                extended = " (\"CHILDINFO\" (\"SUBSCRIBED\"))";
            }
            if (!exists) {
                // RFC 5258 §3: a name that is no mailbox the user can open is \NonExistent when only the selection
                // criteria (SUBSCRIBED, RECURSIVEMATCH) bring it in; otherwise it is a level of hierarchy above
                // what the user may see, \Noselect (RFC 3501 §6.3.8). \NonExistent implies \Noselect.
                attrs.add(subscribedOnly ? "\\NonExistent" : "\\Noselect");
            }
            attrs.add(f == null || f.hasChildren() ? "\\HasChildren" : "\\HasNoChildren");
            if (showSubscribed && subscribed) {
                attrs.add("\\Subscribed");
            }
            if (f != null && f.specialUse() != null) {
                attrs.add(f.specialUse());
            }
            ctx.untagged("LIST (" + String.join(" ", attrs) + ") \"/\" " + ImapResponses.mailbox(path, ctx)
                    + extended);
            if (exists && request.returnOptions().contains("STATUS")) {
                // RFC 5819 §2: no STATUS for a name that cannot be selected.
                status(account, path, request.statusItems(), ctx);
            }
        }
    }

    /** One level of the hierarchy: a folder, or ({@code folder == null}) a name that only has subfolders. */
    record Level(String path, FolderInfo folder) {
    }

    /**
     * The folders in order, each preceded by those of its ancestors that are no folders of their own (a store may
     * lack them, for instance after a RENAME of a deep folder).
     */
    static List<Level> withMissingParents(List<FolderInfo> folders) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (FolderInfo f : folders) {
            seen.add(f.path());
        }
        List<Level> out = new ArrayList<>(folders.size());
        for (FolderInfo f : folders) {
            int i = -1;
            while ((i = f.path().indexOf(ImapMailStore.DELIMITER, i + 1)) > 0) {
                String parent = f.path().substring(0, i);
                if (seen.add(parent)) {
                    out.add(new Level(parent, null));
                }
            }
            out.add(new Level(f.path(), f));
        }
        return out;
    }

    private static void status(String account, String path, List<StatusItem> items, ImapContext ctx) {
        try {
            FolderStatus s = ctx.store().status(account, path);
            ctx.untagged(StatusProcessor.response(path, s, items, ctx));
        } catch (MailboxException e) {
            // RFC 5819 §2: no STATUS for a mailbox that cannot be opened (deleted meanwhile).
        }
    }

    private static boolean matches(List<ListPattern> patterns, String path) {
        for (ListPattern p : patterns) {
            if (p.matches(path)) {
                return true;
            }
        }
        return false;
    }

    /** RFC 5258 §3: a subscribed descendant that the patterns do not match (else it is listed itself). */
    private static boolean hasSubscribedDescendant(String parent, List<FolderInfo> all, List<ListPattern> patterns) {
        String prefix = parent + ImapMailStore.DELIMITER;
        for (FolderInfo f : all) {
            if (f.subscribed() && f.path().startsWith(prefix) && !matches(patterns, f.path())) {
                return true;
            }
        }
        return false;
    }
}
