package org.atrium.connector.imap;

import java.time.LocalDate;
import java.util.List;

/**
 * A search criterion (RFC 3501 §6.4.4, §9 {@code search-key}; MODSEQ RFC 7162 §3.1.5; OLDER/YOUNGER RFC 5032 §3).
 * A list of keys means their conjunction ({@link And}); a parenthesised group is an {@link And} too.
 */
public sealed interface SearchKey {

    /** Keys without argument. */
    enum Simple implements SearchKey {
        ALL, ANSWERED, DELETED, DRAFT, FLAGGED, NEW, OLD, RECENT, SEEN, UNANSWERED, UNDELETED, UNDRAFT, UNFLAGGED,
        UNSEEN
    }

    /** KEYWORD ({@code present}) or UNKEYWORD. */
    record Keyword(String keyword, boolean present) implements SearchKey {
    }

    /** BCC, BODY, CC, FROM, SUBJECT, TEXT, TO: a substring match. */
    record Text(Field field, String value) implements SearchKey {
        public enum Field { BCC, BODY, CC, FROM, SUBJECT, TEXT, TO }
    }

    /** HEADER field-name string. */
    record Header(String field, String value) implements SearchKey {
    }

    /** BEFORE, ON, SINCE (internal date) and SENTBEFORE, SENTON, SENTSINCE (Date: header). */
    record Date(DateKind kind, LocalDate date) implements SearchKey {
        public enum DateKind { BEFORE, ON, SINCE, SENTBEFORE, SENTON, SENTSINCE }
    }

    /** LARGER ({@code larger}) or SMALLER, in octets (RFC822.SIZE). */
    record Size(boolean larger, long octets) implements SearchKey {
    }

    /** A message sequence number set. */
    record Sequence(SequenceSet set) implements SearchKey {
    }

    /** UID set. */
    record Uid(SequenceSet set) implements SearchKey {
    }

    /** OLDER ({@code older}) or YOUNGER, in seconds (RFC 5032). */
    record Within(boolean older, long seconds) implements SearchKey {
    }

    /**
     * MODSEQ [entry-name entry-type-req] mod-sequence-valzer (RFC 7162 §3.1.5).
     *
     * @param entryName null unless the metadata item was given
     * @param entryType "priv", "shared" or "all", lower case; null with entryName
     */
    record ModSeq(String entryName, String entryType, long modSeq) implements SearchKey {
    }

    record Not(SearchKey key) implements SearchKey {
    }

    record Or(SearchKey left, SearchKey right) implements SearchKey {
    }

    record And(List<SearchKey> keys) implements SearchKey {
        public And {
            keys = List.copyOf(keys);
        }
    }
}
