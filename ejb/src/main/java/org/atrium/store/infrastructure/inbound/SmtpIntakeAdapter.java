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
import org.atrium.store.application.DirectoryService;
import org.atrium.store.application.GrantView;
import org.atrium.store.application.IncomingMessage;
import org.atrium.store.application.PendingAcceptance;
import org.atrium.store.application.PublicFolderService;
import org.atrium.store.application.RecipientResolution;
import org.atrium.store.application.internal.BlobStoreHolder;
import org.atrium.store.application.internal.LoginFailures;
import org.atrium.store.domain.BlobStore.BlobRef;

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
 * are refused even for authenticated users ({@code RELAY_DENIED}): there is no outbound queue yet, and mail that
 * cannot be delivered is not accepted.
 */
@Stateless
@Local(MailIntake.class)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SmtpIntakeAdapter implements MailIntake {

    private static final Logger LOG = System.getLogger("org.atrium.store.intake");

    @Inject
    DirectoryService directory;

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
     * while it is below its prohibit level.
     */
    @Override
    public RecipientCheck checkRecipient(String forwardPath, boolean relayPermitted, String authenticatedUser) {
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
                case UNKNOWN_LOCAL:
                    if (address.toLowerCase(Locale.ROOT).startsWith("postmaster@")) {
                        return directory.postmaster(address.substring(address.indexOf('@') + 1))
                                .map(RecipientCheck::accept)
                                .orElse(RecipientCheck.of(RecipientCheck.Outcome.UNKNOWN_USER));
                    }
                    return RecipientCheck.of(RecipientCheck.Outcome.UNKNOWN_USER);
                default:
                    // Remote delivery needs the outbound transport (issue #4); until it exists nothing relays,
                    // authenticated or not, so Atrium can never be an open relay.
                    return RecipientCheck.of(RecipientCheck.Outcome.RELAY_DENIED);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "intake: recipient check failed for " + forwardPath, e);
            return RecipientCheck.of(RecipientCheck.Outcome.TEMPORARY_FAILURE);
        }
    }

    /**
     * As {@link #checkRecipient(String, boolean, String)}; the reverse-path is what a members-only distribution group
     * checks when the client did not authenticate (issue #4).
     */
    @Override
    public RecipientCheck checkRecipient(String forwardPath, boolean relayPermitted, String authenticatedUser,
            String reversePath) {
        return checkRecipient(forwardPath, relayPermitted, authenticatedUser);
    }

    /** EXPN (RFC 5321 §3.5.2): no distribution list is expanded yet, so nothing is a list. */
    @Override
    public List<String> expand(String address) {
        return List.of();
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
            return groupCommit.commit(new PendingAcceptance(new IncomingMessage(env.reversePath(), env.recipients(),
                    env.clientIp(), env.heloName(), env.authenticatedUser(), env.sessionId(), env.receivedAt()), blob,
                    summary)).queueId();
        } catch (RuntimeException e) {
            throw new IntakeException("cannot commit the queue entry: " + e, true, e);
        }
    }
}
