package org.atrium.connector.imap.message;

import java.io.IOException;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.atrium.connector.imap.port.MessageDetails;
import org.atrium.connector.mime.ParsedMessage;

/** A message of a test folder; counts how often details and content are loaded. */
final class FakeCandidate implements SearchCandidate {

    final AtomicInteger detailLoads = new AtomicInteger();
    final AtomicInteger contentLoads = new AtomicInteger();
    private final long seq;
    private final long uid;
    private final Set<String> flags;
    private final boolean recent;
    private final long modseq;
    private final Instant internalDate;
    private final byte[] raw;
    private ParsedMessage parsed;

    FakeCandidate(long seq, long uid, Set<String> flags, boolean recent, long modseq, Instant internalDate,
            byte[] raw) {
        this.seq = seq;
        this.uid = uid;
        this.flags = Set.copyOf(flags);
        this.recent = recent;
        this.modseq = modseq;
        this.internalDate = internalDate;
        this.raw = raw;
    }

    /** A message with only content and a seq (= uid) of its own. */
    static FakeCandidate of(long seq, Instant internalDate, byte[] raw) {
        return new FakeCandidate(seq, seq, Set.of(), false, 1, internalDate, raw);
    }

    @Override
    public long seq() {
        return seq;
    }

    @Override
    public long uid() {
        return uid;
    }

    @Override
    public Set<String> flags() {
        return flags;
    }

    @Override
    public boolean recent() {
        return recent;
    }

    @Override
    public long modseq() {
        return modseq;
    }

    @Override
    public MessageDetails details() throws IOException {
        detailLoads.incrementAndGet();
        if (raw == null) {
            throw new IOException("details must not be loaded");
        }
        if (parsed == null) {
            parsed = TestMessages.parse(raw);
        }
        return new MessageDetails(uid, internalDate, raw.length, parsed);
    }

    @Override
    public byte[] content() throws IOException {
        contentLoads.incrementAndGet();
        if (raw == null) {
            throw new IOException("content must not be loaded");
        }
        return raw;
    }
}
