package org.atrium.store.infrastructure.outbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.atrium.connector.smtp.client.DeliveryReport;
import org.atrium.connector.smtp.client.OutboundEnvelope;
import org.atrium.connector.smtp.client.OutboundRecipient;
import org.atrium.connector.smtp.client.RecipientResult;
import org.atrium.store.application.DirectoryService;
import org.atrium.store.application.DkimService;
import org.atrium.store.application.internal.BlobStoreHolder;
import org.atrium.store.application.internal.OutboundDelivery;
import org.atrium.store.application.internal.OutboundDelivery.Attempt;
import org.atrium.store.application.internal.OutboundDelivery.Outcome;
import org.atrium.store.application.internal.OutboundDelivery.RecipientOutcome;
import org.atrium.store.application.internal.OutboundDelivery.Result;
import org.atrium.store.application.internal.ReceivedCounter;

/**
 * One outbound attempt, called without a transaction (ADR 0010): claim the entry (a short transaction), check for a
 * mail loop (RFC 5321 §6.3), sign with DKIM when the sender's domain is hosted here (RFC 6376), hand the message to
 * the SMTP client (blocking, possibly minutes), and record the result (a second short transaction). Whatever goes
 * wrong locally is a temporary failure of every recipient: the retry schedule applies as for a remote one.
 */
@ApplicationScoped
public class OutboundAgent {

    private static final Logger LOG = System.getLogger("org.atrium.store.outbound");

    @Inject
    OutboundDelivery delivery;

    @Inject
    BlobStoreHolder blobs;

    @Inject
    DirectoryService directory;

    @Inject
    Instance<DkimService> dkim;

    @Inject
    RemoteDeliveries clients;

    public void attempt(long outboundId) {
        Optional<Attempt> claimed = delivery.claim(outboundId);
        if (claimed.isEmpty()) {
            return; // gone, not due, or another consumer has it: a duplicate wake-up
        }
        Attempt a = claimed.get();
        Result result;
        try {
            result = run(a);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "outbound: queue={0} attempt {1} failed locally: {2}", a.queueId(), a.number(),
                    e.toString());
            result = Result.all(a, Outcome.TEMPORARY, "451 4.3.0 local error: " + e.getMessage());
        }
        delivery.record(a, result);
    }

    private Result run(Attempt a) throws IOException {
        int hops;
        boolean eightBit;
        try (InputStream in = blobs.get().open(a.blobHash())) {
            hops = ReceivedCounter.count(in);
        }
        if (hops > ReceivedCounter.MAX_HOPS) {
            LOG.log(Level.WARNING, "outbound: queue={0} not relayed: {1} Received fields, a mail loop", a.queueId(),
                    hops);
            return Result.all(a, Outcome.PERMANENT, "554 5.4.6 routing loop detected (" + hops
                    + " Received header fields)");
        }
        try (InputStream in = new BufferedInputStream(blobs.get().open(a.blobHash()))) {
            eightBit = eightBit(in);
        }
        byte[] signature = signature(a);
        List<OutboundRecipient> rcpts = a.recipients().stream()
                .map(r -> new OutboundRecipient(r.address(), r.notifyOn(), r.orcpt())).toList();
        OutboundEnvelope env = new OutboundEnvelope(a.reversePath(), a.envid(), a.ret(), rcpts, eightBit,
                a.size() + signature.length);
        DeliveryReport report = clients.create().deliver(a.domain(), env,
                () -> new SequenceInputStream(new ByteArrayInputStream(signature), blobs.get().open(a.blobHash())));
        return new Result(report.remote(), report.dsnPassedOn(), report.results().stream()
                .map(r -> new RecipientOutcome(r.address(), outcome(r.outcome()), r.reply())).toList());
    }

    /** The DKIM-Signature field when the reverse-path's domain is hosted here and a signer is deployed; else none. */
    private byte[] signature(Attempt a) {
        int at = a.reversePath().lastIndexOf('@');
        if (at < 0 || !dkim.isResolvable()) {
            return new byte[0];
        }
        String domain = a.reversePath().substring(at + 1).toLowerCase(Locale.ROOT);
        try {
            if (!directory.isLocalDomain(domain)) {
                return new byte[0];
            }
            try (InputStream in = blobs.get().open(a.blobHash())) {
                return dkim.get().signatureField(domain, in).map(f -> f.getBytes(StandardCharsets.US_ASCII))
                        .orElse(new byte[0]);
            }
        } catch (IOException | RuntimeException e) {
            // Unsigned mail may land in spam; undelivered mail helps no one.
            LOG.log(Level.WARNING, "outbound: queue={0} sent without a DKIM signature for {1}: {2}", a.queueId(),
                    domain, e.toString());
            return new byte[0];
        }
    }

    private static Outcome outcome(RecipientResult.Outcome o) {
        return switch (o) {
            case DELIVERED -> Outcome.DELIVERED;
            case TEMPORARY -> Outcome.TEMPORARY;
            case PERMANENT -> Outcome.PERMANENT;
        };
    }

    private static boolean eightBit(InputStream in) throws IOException {
        int b;
        while ((b = in.read()) != -1) {
            if (b > 127) {
                return true;
            }
        }
        return false;
    }
}
