package org.atrium.store.infrastructure.inbound;

import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.atrium.connector.smtp.InboundEnvelope;
import org.atrium.connector.smtp.IntakeException;
import org.atrium.connector.smtp.MailIntake;
import org.atrium.connector.smtp.MessageData;
import org.atrium.connector.smtp.RecipientCheck;
import org.atrium.store.application.ContentSummary;
import org.atrium.store.application.DelegationService;
import org.atrium.store.application.ClassOfServiceService;
import org.atrium.store.application.DirectoryService;
import org.atrium.store.application.GrantView;
import org.atrium.store.application.IncomingMessage;
import org.atrium.store.application.PendingAcceptance;
import org.atrium.store.application.PublicFolderService;
import org.atrium.store.application.RecipientResolution;
import org.atrium.store.application.internal.BlobStoreHolder;
import org.atrium.store.application.internal.GroupExpansion;
import org.atrium.store.application.internal.LoginFailures;
import org.atrium.store.application.internal.Route;
import org.atrium.store.domain.MailAddress;
import org.atrium.store.domain.BlobStore.BlobRef;
import org.atrium.store.domain.ClassOfService;

/**
 * The store's side of the SMTP port {@link MailIntake}.
 *
 * <p>Acceptance order, which is what makes the SMTP 250 a kept promise (RFC 5321 §6.1): (1) write the blob and fsync
 * it; (2) parse it once for metadata; (3) commit content row + queue entry in one transaction (shared with the
 * sessions finishing at the same moment: {@link GroupCommit}); only then (4) send the JMS wake-up, outside that
 * transaction. A crash after (3) loses nothing: the sweep finds the queue entry. No step
 * relies on XA recovery, which H2 does not do (STACK-NOTES.md).
 *
 * <p>Submission (RFC 6409, issue #4): SMTP AUTH checks the directory's password (slow hash) and answers failures late
 * per login ({@link LoginFailures}, shared with IMAP); who may send as whom is decided here from the directory (own
 * address, aliases) and the mailbox grants of ADR 0006 ({@code send_as}, {@code send_on_behalf}). Remote recipients
 * are accepted from clients that may relay (authenticated or trusted) and refused ({@code RELAY_DENIED}) from anyone
 * else; distribution groups and catch-alls are decided per ADR 0012.
 */
@Stateless
@Local(MailIntake.class)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SmtpIntakeAdapter implements MailIntake {

    private static final Logger LOG = System.getLogger("org.atrium.store.intake");

    @Inject
    DirectoryService directory;

    @Inject
    ClassOfServiceService classesOfService;

    @Inject
    GroupCommit groupCommit;

    @Inject
    BlobStoreHolder blobs;

    @Inject
    MessageSummarizer summarizer;


    @Inject
    PublicFolderService publicFolders;

    @Inject
    DelegationService delegation;

    @Inject
    LoginFailures loginFailures;

    /** Failures are counted per login and answered late ({@link LoginFailures}); the sleep holds no transaction. */
    @Override
    public Optional<String> authenticate(String login, String password, String clientIp) {
        Optional<String> account = directory.authenticate(login, password, clientIp, "smtp").map(a -> a.address());
        if (account.isPresent()) {
            loginFailures.succeeded(login);
        } else {
            loginFailures.failAndWait(login);
        }
        return account;
    }

    /** ADR 0016: the account's class of service may not allow this protocol. */
    @Override
    public Optional<String> loginRefusal(String account, String clientIp) {
        return classesOfService.protocolRefusal(account, ClassOfService.SUBMISSION, clientIp);
    }

    @Override
    public boolean mayUseSender(String user, String address) {
        return senderAllowed(user, address, this::owner, grantsOf(user));
    }

    @Override
    public boolean mayUseFrom(String user, List<String> fromAddresses, String senderAddress) {
        return fromAllowed(user, fromAddresses, senderAddress, this::owner, grantsOf(user));
    }

    /** The canonical account an address (own or alias) delivers to, or null when it is not an active account. */
    private String owner(String address) {
        RecipientResolution r = directory.resolve(address.trim());
        return r.kind() == RecipientResolution.Kind.LOCAL ? r.mailbox() : null;
    }

    /** The grants {@code user} holds, by owner address in lower case. */
    private Map<String, GrantView> grantsOf(String user) {
        return delegation.received(user).stream()
                .collect(Collectors.toMap(g -> g.owner().toLowerCase(Locale.ROOT), g -> g, (a, b) -> a));
    }

    /**
     * MAIL FROM on submission: the user's own address or alias, or an owner's who granted it send-as or
     * send-on-behalf (the envelope says who submits; RFC 6409 §6.1).
     *
     * @param owner the canonical account of an address, or null
     * @param grants the grants the user holds, by owner in lower case
     */
    static boolean senderAllowed(String user, String address, Function<String, String> owner,
            Map<String, GrantView> grants) {
        String o = owner.apply(address);
        if (o == null) {
            return false;
        }
        if (o.equalsIgnoreCase(user)) {
            return true;
        }
        GrantView g = grants.get(o.toLowerCase(Locale.ROOT));
        return g != null && (g.sendAs() || g.sendOnBehalf());
    }

    /**
     * The From field on submission (RFC 5322 §3.6.2): every address the user's own, or an owner's who granted
     * send-as; an owner who granted only send-on-behalf needs a Sender field naming the user.
     */
    static boolean fromAllowed(String user, List<String> from, String sender, Function<String, String> owner,
            Map<String, GrantView> grants) {
        if (from.isEmpty()) {
            return false;
        }
        for (String address : from) {
            String o = owner.apply(address);
            if (o == null) {
                return false;
            }
            if (o.equalsIgnoreCase(user)) {
                continue;
            }
            GrantView g = grants.get(o.toLowerCase(Locale.ROOT));
            boolean onBehalf = g != null && g.sendOnBehalf() && sender != null && user.equalsIgnoreCase(
                    owner.apply(sender));
            if (g == null || !(g.sendAs() || onBehalf)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public RecipientCheck checkRecipient(String forwardPath, boolean relayPermitted) {
        return checkRecipient(forwardPath, relayPermitted, null);
    }

    /**
     * As {@link #checkRecipient(String, boolean)}; a mail-enabled public folder (ADR 0006) takes the message only
     * when the sender may post there ({@code p}: the authenticated user's rights, else {@code anyone}'s), and only
     * while it is below its prohibit level. Without the reverse-path a members-only group takes mail only from an
     * authenticated member.
     */
    @Override
    public RecipientCheck checkRecipient(String forwardPath, boolean relayPermitted, String authenticatedUser) {
        return checkRecipient(forwardPath, relayPermitted, authenticatedUser, null);
    }

    /**
     * Decides on one RCPT TO (RFC 5321 §3.3, §4.1.1.3; ADR 0012). A distribution group is accepted as itself and
     * expanded at delivery; a members-only group only for a member, the authenticated user if any, else the
     * reverse-path (an alias counts as its account; nested groups count): 550 5.7.1 for anybody else. An address
     * outside is accepted as given (its domain in lower case) when the client may relay; an unknown address of a
     * domain hosted here stays unknown whoever asks, so our own domains are never relayed.
     */
    @Override
    public RecipientCheck checkRecipient(String forwardPath, boolean relayPermitted, String authenticatedUser,
            String reversePath) {
        try {
            String address = forwardPath.trim();
            if (address.equalsIgnoreCase("postmaster")) {
                // RFC 5321 §4.5.1: "postmaster" without a domain must be accepted.
                return directory.postmaster(null).map(RecipientCheck::accept)
                        .orElse(RecipientCheck.of(RecipientCheck.Outcome.UNKNOWN_USER));
            }
            RecipientResolution r = directory.resolve(address);
            switch (r.kind()) {
                case LOCAL:
                    return directory.mailboxFull(r.mailbox()) ? RecipientCheck.of(RecipientCheck.Outcome.MAILBOX_FULL)
                            : RecipientCheck.accept(r.mailbox());
                case DISABLED:
                    return RecipientCheck.of(RecipientCheck.Outcome.DISABLED);
                case PUBLIC_FOLDER:
                    return switch (publicFolders.postVerdict(r.folderId(), authenticatedUser)) {
                        case ACCEPT -> RecipientCheck.accept(r.mailbox());
                        case DENIED -> RecipientCheck.of(RecipientCheck.Outcome.POST_DENIED);
                        case FULL -> RecipientCheck.of(RecipientCheck.Outcome.MAILBOX_FULL);
                        case NO_SUCH_FOLDER -> RecipientCheck.of(RecipientCheck.Outcome.UNKNOWN_USER);
                    };
                case GROUP:
                    return groupCheck(r.mailbox(), authenticatedUser, reversePath,
                            new GroupExpansion(GroupExpansion.Lookup.of(directory)));
                case FORWARD:
                    // The domain's catch-all names an address outside: its administrator chose to relay there.
                    return RecipientCheck.accept(r.mailbox());
                case UNKNOWN_LOCAL:
                    if (address.toLowerCase(Locale.ROOT).startsWith("postmaster@")) {
                        return directory.postmaster(address.substring(address.indexOf('@') + 1))
                                .map(RecipientCheck::accept)
                                .orElse(RecipientCheck.of(RecipientCheck.Outcome.UNKNOWN_USER));
                    }
                    return RecipientCheck.of(RecipientCheck.Outcome.UNKNOWN_USER);
                case NOT_LOCAL:
                default:
                    return relayCheck(address, relayPermitted);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "intake: recipient check failed for " + forwardPath, e);
            return RecipientCheck.of(RecipientCheck.Outcome.TEMPORARY_FAILURE);
        }
    }

    /**
     * An address not hosted here: accepted as given with its domain in lower case (RFC 5321 §2.4: the local part is
     * the receiving host's to interpret) when the client may relay (authenticated or trusted), else 550 5.7.1. An
     * address that is no addr-spec with a domain is never relayed.
     */
    static RecipientCheck relayCheck(String address, boolean relayPermitted) {
        if (!relayPermitted) {
            return RecipientCheck.of(RecipientCheck.Outcome.RELAY_DENIED);
        }
        int at = address.lastIndexOf('@');
        try {
            MailAddress.parse(address);
        } catch (IllegalArgumentException e) {
            return RecipientCheck.of(RecipientCheck.Outcome.UNKNOWN_USER);
        }
        if (at <= 0) {
            return RecipientCheck.of(RecipientCheck.Outcome.UNKNOWN_USER);
        }
        return RecipientCheck.accept(address.substring(0, at) + "@" + address.substring(at + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * A distribution group: accepted as its own address, expanded at delivery; a members-only one only for a member
     * (the authenticated user, else the reverse-path), 550 5.7.1 otherwise.
     */
    static RecipientCheck groupCheck(String group, String authenticatedUser, String reversePath,
            GroupExpansion groups) {
        GroupExpansion.Group g = groups.group(group);
        if (g == null) {
            return RecipientCheck.of(RecipientCheck.Outcome.UNKNOWN_USER); // removed since it was resolved
        }
        if (!g.membersOnly()) {
            return RecipientCheck.accept(g.address());
        }
        String sender = authenticatedUser != null ? authenticatedUser : reversePath;
        if (groups.isMember(g.address(), sender)) {
            return RecipientCheck.accept(g.address());
        }
        LOG.log(Level.INFO, "intake: members-only group {0} refused sender=<{1}> authenticated={2}", g.address(),
                sender == null ? "" : sender, authenticatedUser != null);
        return RecipientCheck.of(RecipientCheck.Outcome.SENDER_DENIED);
    }

    /**
     * EXPN (RFC 5321 §3.5.2): a group's final members, nested groups expanded and loops cut, each once; an account
     * as {@code Display Name <addr>}, anything else as the bare address. Members-only restrictions do not hide
     * members here: the SMTP server offers EXPN only when the administrator enabled it.
     */
    @Override
    public List<String> expand(String address) {
        RecipientResolution r = directory.resolve(address == null ? "" : address.trim());
        if (r.kind() != RecipientResolution.Kind.GROUP) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Route route : new GroupExpansion(GroupExpansion.Lookup.of(directory)).expand(r.mailbox(), null)
                .routes()) {
            if (route instanceof Route.Mailbox m) {
                out.add(directory.account(m.account()).map(a -> nameAddr(a.displayName(), m.account()))
                        .orElse(m.account()));
            } else if (route instanceof Route.PublicFolder f) {
                out.add(f.address());
            } else if (route instanceof Route.Remote x) {
                out.add(x.address());
            }
        }
        return List.copyOf(out);
    }

    /** {@code Name <addr>} (RFC 5322 §3.4), the name quoted unless it is all atext and spaces; bare without one. */
    static String nameAddr(String displayName, String address) {
        if (displayName == null || displayName.isBlank()) {
            return address;
        }
        String name = displayName.strip().replaceAll("[\\r\\n]+", " ");
        if (!name.matches("[A-Za-z0-9!#$%&'*+/=?^_`{|}~ -]+")) {
            name = "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        return name + " <" + address + ">";
    }

    @Override
    public String accept(InboundEnvelope env, MessageData received) throws IntakeException {
        // SPF and DKIM results (ADR 0013) go on top of the stored message; they never refuse it.
        MessageData data = InboundAuthentication.evaluate(env, received);
        BlobRef blob;
        try (InputStream in = data.open()) {
            blob = blobs.get().store(in);
        } catch (IOException e) {
            throw new IntakeException("cannot write the message to the blob store: " + e.getMessage(), true, e);
        }
        ContentSummary summary;
        try (InputStream in = data.open()) {
            summary = summarizer.summarize(in);
        } catch (IOException e) {
            throw new IntakeException("cannot read back the spooled message: " + e.getMessage(), true, e);
        }
        try {
            return groupCommit.commit(new PendingAcceptance(incoming(env), blob, summary)).queueId();
        } catch (RuntimeException e) {
            throw new IntakeException("cannot commit the queue entry: " + e, true, e);
        }
    }

    /** The envelope as the store takes it, with its DSN parameters (RFC 3461 §4), which go with the message. */
    static IncomingMessage incoming(InboundEnvelope env) {
        Map<String, IncomingMessage.DsnRequest> dsn = new HashMap<>();
        env.recipientDsn().forEach((r, d) -> dsn.put(r, new IncomingMessage.DsnRequest(d.notifyOn(), d.orcpt())));
        return new IncomingMessage(env.reversePath(), env.recipients(), env.clientIp(), env.heloName(),
                env.authenticatedUser(), env.sessionId(), env.receivedAt(), env.envid(), env.ret(), dsn);
    }
}
