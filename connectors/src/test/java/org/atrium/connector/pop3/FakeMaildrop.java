package org.atrium.connector.pop3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** An in-memory maildrop that records what the session did to it. */
final class FakeMaildrop implements Maildrop {

    private final List<MaildropEntry> entries = new ArrayList<>();
    private final Map<Long, Supplier<InputStream>> contents = new HashMap<>();
    final List<List<MaildropEntry>> expunged = new ArrayList<>();
    boolean locked;
    int opens;
    int closes;
    int touches;
    IOException expungeFailure;
    IOException openFailure;

    FakeMaildrop add(String uid, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.ISO_8859_1);
        return add(uid, bytes.length, () -> new ByteArrayInputStream(bytes));
    }

    FakeMaildrop add(String uid, long size, Supplier<InputStream> content) {
        MaildropEntry e = new MaildropEntry(100 + entries.size(), uid, size);
        entries.add(e);
        contents.put(e.id(), content);
        return this;
    }

    @Override
    public List<MaildropEntry> entries() {
        return List.copyOf(entries);
    }

    @Override
    public InputStream open(MaildropEntry entry) throws IOException {
        if (openFailure != null) {
            throw openFailure;
        }
        return contents.get(entry.id()).get();
    }

    @Override
    public void expunge(Collection<MaildropEntry> gone) throws IOException {
        if (expungeFailure != null) {
            throw expungeFailure;
        }
        expunged.add(List.copyOf(gone));
        entries.removeAll(gone);
    }

    @Override
    public void touch() {
        touches++;
    }

    @Override
    public void close() {
        locked = false;
        closes++;
    }
}
