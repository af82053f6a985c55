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
import java.util.Locale;
import org.atrium.connector.smtp.InboundEnvelope;
import org.atrium.connector.smtp.IntakeException;
import org.atrium.connector.smtp.MailIntake;
import org.atrium.connector.smtp.MessageData;
import org.atrium.connector.smtp.RecipientCheck;
import org.atrium.store.application.ContentSummary;
import org.atrium.store.application.DirectoryService;
import org.atrium.store.application.IncomingMessage;
import org.atrium.store.application.PendingAcceptance;
import org.atrium.store.application.PublicFolderService;
import org.atrium.store.application.RecipientResolution;
import org.atrium.store.application.internal.BlobStoreHolder;
import org.atrium.store.domain.BlobStore.BlobRef;

/**
 * The store's side of the SMTP port {@link MailIntake}.
 *
 * <p>Acceptance order, which is what makes the SMTP 250 a kept promise (RFC 5321 §6.1): (1) write the blob and fsync
 * it; (2) parse it once for metadata; (3) commit content row + queue entry in one transaction (shared with the
 * sessions finishing at the same moment: {@link GroupCommit}); only then (4) send the JMS wake-up, outside that
 * transaction. A crash after (3) loses nothing: the sweep finds the queue entry. No step
 * relies on XA recovery, which H2 does not do (STACK-NOTES.md).
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

    @Override
    public String accept(InboundEnvelope env, MessageData data) throws IntakeException {
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
