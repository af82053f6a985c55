package org.atrium.connector.imap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.atrium.connector.imap.message.MessageThreader;
import org.atrium.connector.imap.message.SearchCandidate;
import org.atrium.connector.imap.port.MailboxException;

/**
 * THREAD and UID THREAD (RFC 5256 §4) with the ORDEREDSUBJECT and REFERENCES algorithms: the messages matching the
 * search keys as {@code * THREAD (2)(3 6 (4 23)(44 7 96))}, or {@code * THREAD} alone when none match (§5
 * {@code thread-data}).
 *
 * <p>Invariants: the charset is US-ASCII or UTF-8, else {@code NO [BADCHARSET (US-ASCII UTF-8)]}; messages gone from
 * the store meanwhile are left out; no EXPUNGE response during THREAD (RFC 5256 §4), UID THREAD allows them.
 */
public final class ThreadProcessor extends BaseProcessor<ThreadRequest> {

    public ThreadProcessor() {
        super("THREAD", ThreadRequest.class, ImapState.SELECTED_ONLY);
    }

    @Override
    public boolean allowsExpungeResponses(ThreadRequest request) {
        return request.uid();
    }

    @Override
    public void process(ThreadRequest request, ImapContext ctx) throws MailboxException, IOException {
        if (!SearchProcessor.supportedCharset(request.charset())) {
            ctx.no(request.tag(), SearchProcessor.BADCHARSET, "Unsupported charset");
            return;
        }
        List<SearchCandidate> matching = new ArrayList<>(SearchProcessor.matching(request.key(), ctx, true));
        String threads = MessageThreader.thread(request.algorithm(), matching, request.uid());
        ctx.untagged(threads.isEmpty() ? "THREAD" : "THREAD " + threads);
        ctx.ok(request.tag(), (request.uid() ? "UID THREAD" : "THREAD") + " completed");
    }
}
