package org.atrium.connector.imap.message;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import org.atrium.connector.imap.SearchKey;

/**
 * Decides whether a message matches a search key (RFC 3501 §6.4.4, RFC 7162 §3.1.5 MODSEQ, RFC 5032 OLDER/YOUNGER,
 * RFC 5182 {@code $}). Header, date, size and flag keys read only the metadata; BODY and TEXT read the content.
 * Substring matches are case-insensitive over decoded text (RFC 2047 words, UTF-8).
 */
public final class SearchEvaluator {

    /**
     * @param maxSeq the number of messages (what {@code *} means for sequence sets)
     * @param maxUid the highest UID in the folder (what {@code *} means for UID sets)
     * @param savedUids the UIDs of the saved result ({@code $}, RFC 5182), empty when none
     * @param now the time OLDER/YOUNGER count from
     * @param zone the time zone dates (BEFORE, ON, SINCE ...) are taken in
     */
    public SearchEvaluator(long maxSeq, long maxUid, Set<Long> savedUids, Instant now, ZoneId zone) {
    }

    public boolean matches(SearchKey key, SearchCandidate message) throws IOException {
        throw new UnsupportedOperationException("wip/imap-message");
    }

    /** Whether evaluating the key may call {@link SearchCandidate#details()}. */
    public static boolean needsDetails(SearchKey key) {
        return true;
    }

    /** Whether evaluating the key may call {@link SearchCandidate#content()}. */
    public static boolean needsContent(SearchKey key) {
        return true;
    }
}
