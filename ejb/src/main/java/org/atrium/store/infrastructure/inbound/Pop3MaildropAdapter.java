package org.atrium.store.infrastructure.inbound;

import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.atrium.connector.pop3.Maildrop;
import org.atrium.connector.pop3.MaildropBusyException;
import org.atrium.connector.pop3.MaildropEntry;
import org.atrium.connector.pop3.MaildropPort;
import org.atrium.store.application.ClassOfServiceService;
import org.atrium.store.application.DirectoryService;
import org.atrium.store.application.MailboxService;
import org.atrium.store.application.MessageRef;
import org.atrium.store.domain.ClassOfService;

/**
 * The store's side of the POP3 port: the INBOX as a maildrop, locked by a lease on the account row (RFC 1939 §8), so
 * a second session is refused on any node, and a lock left by a dead node expires.
 *
 * <p>UIDL values are {@code <UIDVALIDITY>.<UID>}: unique, stable across sessions, and the same message that IMAP
 * shows (RFC 1939 §7: "the unique-id of a message is an arbitrary server-determined string").
 */
@Stateless
@Local(MaildropPort.class)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Pop3MaildropAdapter implements MaildropPort {

    /** Longer than the POP3 idle timeout (10 minutes), renewed on activity. */
    static final Duration LEASE = Duration.ofMinutes(15);

    @Inject
    DirectoryService directory;

    @Inject
    ClassOfServiceService classesOfService;

    @Inject
    MailboxService mailboxes;

    @Override
    public Optional<String> authenticate(String user, String password, String clientIp) {
        return directory.authenticate(user, password, clientIp, "pop3").map(a -> a.address());
    }

    /** ADR 0016: the account's class of service may not allow this protocol. */
    @Override
    public Optional<String> loginRefusal(String account, String clientIp) {
        return classesOfService.protocolRefusal(account, ClassOfService.POP3, clientIp);
    }

    @Override
    public Maildrop open(String account) throws MaildropBusyException {
        String token = mailboxes.acquireMaildropLock(account, LEASE)
                .orElseThrow(() -> new MaildropBusyException(account));
        try {
            List<MaildropEntry> entries = mailboxes.inbox(account).stream()
                    .map(Pop3MaildropAdapter::entry).toList();
            return new LeasedMaildrop(mailboxes, account, token, entries);
        } catch (RuntimeException e) {
            mailboxes.releaseMaildropLock(account, token);
            throw e;
        }
    }

    private static MaildropEntry entry(MessageRef m) {
        return new MaildropEntry(m.id(), m.uidValidity() + "." + m.uid(), m.size());
    }

    /** A maildrop held under a lease; plain object, calls back into the mailbox service's business interface. */
    static final class LeasedMaildrop implements Maildrop {

        private final MailboxService mailboxes;
        private final String account;
        private final String token;
        private final List<MaildropEntry> entries;
        private boolean closed;
        private long lastRenew = System.nanoTime();

        LeasedMaildrop(MailboxService mailboxes, String account, String token, List<MaildropEntry> entries) {
            this.mailboxes = mailboxes;
            this.account = account;
            this.token = token;
            this.entries = List.copyOf(entries);
        }

        @Override
        public List<MaildropEntry> entries() {
            return entries;
        }

        @Override
        public InputStream open(MaildropEntry entry) throws IOException {
            return mailboxes.open(account, entry.id());
        }

        @Override
        public void expunge(Collection<MaildropEntry> toRemove) throws IOException {
            try {
                mailboxes.expunge(account, toRemove.stream().map(MaildropEntry::id).toList());
            } catch (RuntimeException e) {
                throw new IOException("expunge failed: " + e.getMessage(), e);
            }
        }

        @Override
        public void touch() {
            // Renew at most once a minute: the lease is 15 minutes and every command touches.
            if (System.nanoTime() - lastRenew > Duration.ofMinutes(1).toNanos()) {
                mailboxes.renewMaildropLock(account, token, LEASE);
                lastRenew = System.nanoTime();
            }
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                mailboxes.releaseMaildropLock(account, token);
            }
        }
    }
}
