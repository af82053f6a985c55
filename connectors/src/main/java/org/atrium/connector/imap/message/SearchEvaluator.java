package org.atrium.connector.imap.message;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.atrium.connector.imap.SearchKey;
import org.atrium.connector.imap.SequenceSet;
import org.atrium.connector.imap.port.MessageDetails;
import org.atrium.connector.mime.AddressHeader;
import org.atrium.connector.mime.MessageHeaders;
import org.atrium.connector.mime.ParsedMessage;

/**
 * Decides whether a message matches a search key (RFC 3501 §6.4.4, RFC 7162 §3.1.5 MODSEQ, RFC 5032 OLDER/YOUNGER,
 * RFC 5182 {@code $}). Header, date, size and flag keys read only the metadata; BODY and TEXT read the content.
 * Substring matches are case-insensitive over decoded text (RFC 2047 words, UTF-8).
 *
 * <p>Which data a key reads, exactly (so the session loads nothing it need not, see {@link #needsDetails} and
 * {@link #needsContent}): flags, keywords, NEW/OLD/RECENT, sequence and UID sets and MODSEQ read neither details nor
 * content; dates, sizes, OLDER/YOUNGER, the address and subject keys and HEADER for a field the parsed metadata keeps
 * ({@link #STORED_FIELDS}) read the details; BODY, TEXT and HEADER for any other field read the content too.
 *
 * <p>Dates: BEFORE/ON/SINCE compare the calendar date of the internal date in the evaluator's zone. SENTBEFORE,
 * SENTON and SENTSINCE take the Date header "disregarding time and timezone" (RFC 3501 §6.4.4), that is the calendar
 * date as written in the header, in the header's own zone; the evaluator's zone is used only when the header's zone
 * cannot be read. A message without a usable Date header matches no SENT* key. OLDER n matches messages whose
 * internal date is more than n seconds before {@code now}, YOUNGER n the others (RFC 5032 §3).
 *
 * <p>Flag names compare case-insensitively (keywords are case-insensitive atoms, RFC 3501 §2.3.2). One evaluator
 * serves one command; it is stateless per message and may be shared by threads.
 */
public final class SearchEvaluator {

    /** Header fields kept in {@link MessageHeaders}: HEADER on these needs no content. */
    static final Set<String> STORED_FIELDS = Set.of("date", "subject", "from", "sender", "reply-to", "to", "cc",
            "bcc", "in-reply-to", "message-id", "references");

    private static final Pattern ZONE = Pattern.compile("\\d{1,2}:\\d{2}(?::\\d{2})?\\s*([+-]\\d{4}|[A-Za-z]{1,5})");
    private static final Map<String, Integer> NAMED_ZONES = Map.ofEntries(Map.entry("UT", 0), Map.entry("UTC", 0),
            Map.entry("GMT", 0), Map.entry("Z", 0), Map.entry("EST", -5), Map.entry("EDT", -4),
            Map.entry("CST", -6), Map.entry("CDT", -5), Map.entry("MST", -7), Map.entry("MDT", -6),
            Map.entry("PST", -8), Map.entry("PDT", -7));

    private final long maxSeq;
    private final long maxUid;
    private final Set<Long> savedUids;
    private final Instant now;
    private final ZoneId zone;

    /**
     * @param maxSeq the number of messages (what {@code *} means for sequence sets)
     * @param maxUid the highest UID in the folder (what {@code *} means for UID sets)
     * @param savedUids the UIDs of the saved result ({@code $}, RFC 5182), empty when none
     * @param now the time OLDER/YOUNGER count from
     * @param zone the time zone dates (BEFORE, ON, SINCE ...) are taken in
     */
    public SearchEvaluator(long maxSeq, long maxUid, Set<Long> savedUids, Instant now, ZoneId zone) {
        this.maxSeq = maxSeq;
        this.maxUid = maxUid;
        this.savedUids = Set.copyOf(savedUids);
        this.now = now;
        this.zone = zone;
    }

    public boolean matches(SearchKey key, SearchCandidate message) throws IOException {
        return new Evaluation(message).matches(key);
    }

    /** Whether evaluating the key may call {@link SearchCandidate#details()}. */
    public static boolean needsDetails(SearchKey key) {
        if (key instanceof SearchKey.Not n) {
            return needsDetails(n.key());
        }
        if (key instanceof SearchKey.Or o) {
            return needsDetails(o.left()) || needsDetails(o.right());
        }
        if (key instanceof SearchKey.And a) {
            return a.keys().stream().anyMatch(SearchEvaluator::needsDetails);
        }
        if (key instanceof SearchKey.Header h) {
            return STORED_FIELDS.contains(h.field().toLowerCase(Locale.ROOT));
        }
        return key instanceof SearchKey.Text || key instanceof SearchKey.Date || key instanceof SearchKey.Size
                || key instanceof SearchKey.Within;
    }

    /** Whether evaluating the key may call {@link SearchCandidate#content()}. */
    public static boolean needsContent(SearchKey key) {
        if (key instanceof SearchKey.Not n) {
            return needsContent(n.key());
        }
        if (key instanceof SearchKey.Or o) {
            return needsContent(o.left()) || needsContent(o.right());
        }
        if (key instanceof SearchKey.And a) {
            return a.keys().stream().anyMatch(SearchEvaluator::needsContent);
        }
        if (key instanceof SearchKey.Header h) {
            return !STORED_FIELDS.contains(h.field().toLowerCase(Locale.ROOT));
        }
        return key instanceof SearchKey.Text t
                && (t.field() == SearchKey.Text.Field.BODY || t.field() == SearchKey.Text.Field.TEXT);
    }

    /** 0 when the key reads neither details nor content, 1 for details only, 2 when it reads content. */
    private static int cost(SearchKey key) {
        return needsContent(key) ? 2 : needsDetails(key) ? 1 : 0;
    }

    /** The calendar date of the Date header in its own zone, else in {@code fallback}; null without a date. */
    static LocalDate sentDate(MessageHeaders h, ZoneId fallback) {
        if (h.dateTime() == null) {
            return null;
        }
        ZoneId z = fallback;
        if (h.date() != null) {
            Matcher m = ZONE.matcher(h.date());
            if (m.find()) {
                String zs = m.group(1);
                if (zs.charAt(0) == '+' || zs.charAt(0) == '-') {
                    int hh = Integer.parseInt(zs.substring(1, 3));
                    int mm = Integer.parseInt(zs.substring(3, 5));
                    if (hh <= 18 && mm < 60) {
                        int sign = zs.charAt(0) == '-' ? -1 : 1;
                        z = ZoneOffset.ofTotalSeconds(sign * (hh * 3600 + mm * 60));
                    }
                } else {
                    Integer hours = NAMED_ZONES.get(zs.toUpperCase(Locale.ROOT));
                    if (hours != null) {
                        z = ZoneOffset.ofHours(hours);
                    }
                }
            }
        }
        return LocalDate.ofInstant(h.dateTime(), z);
    }

    /** One message under evaluation: loads details, content and decoded text at most once. */
    private final class Evaluation {
        private final SearchCandidate m;
        private MessageDetails details;
        private byte[] content;
        private String foldedBody;
        private List<MessageText.Field> headerFields;

        Evaluation(SearchCandidate m) {
            this.m = m;
        }

        boolean matches(SearchKey key) throws IOException {
            if (key instanceof SearchKey.Simple s) {
                return simple(s);
            } else if (key instanceof SearchKey.Keyword k) {
                return hasFlag(k.keyword()) == k.present();
            } else if (key instanceof SearchKey.Sequence s) {
                return s.set().saved() ? savedUids.contains(m.uid()) : s.set().contains(m.seq(), maxSeq);
            } else if (key instanceof SearchKey.Uid u) {
                return inUidSet(u.set());
            } else if (key instanceof SearchKey.ModSeq ms) {
                return m.modseq() >= ms.modSeq();
            } else if (key instanceof SearchKey.Size s) {
                return s.larger() ? details().size() > s.octets() : details().size() < s.octets();
            } else if (key instanceof SearchKey.Date d) {
                return date(d);
            } else if (key instanceof SearchKey.Within w) {
                return within(w);
            } else if (key instanceof SearchKey.Text t) {
                return text(t);
            } else if (key instanceof SearchKey.Header h) {
                return header(h.field(), h.value());
            } else if (key instanceof SearchKey.Not n) {
                return !matches(n.key());
            } else if (key instanceof SearchKey.Or o) {
                return or(o);
            } else if (key instanceof SearchKey.And a) {
                return and(a);
            }
            throw new IllegalArgumentException("unknown search key " + key);
        }

        /**
         * Keys are pure, so they are tried cheapest first: a flag key that fails spares loading details, a header
         * key that fails spares loading content.
         */
        private boolean and(SearchKey.And a) throws IOException {
            for (int cost = 0; cost <= 2; cost++) {
                for (SearchKey k : a.keys()) {
                    if (cost(k) == cost && !matches(k)) {
                        return false;
                    }
                }
            }
            return true;
        }

        private boolean or(SearchKey.Or o) throws IOException {
            boolean leftFirst = cost(o.left()) <= cost(o.right());
            SearchKey first = leftFirst ? o.left() : o.right();
            SearchKey second = leftFirst ? o.right() : o.left();
            return matches(first) || matches(second);
        }

        private boolean simple(SearchKey.Simple s) {
            return switch (s) {
                case ALL -> true;
                case ANSWERED -> hasFlag("\\Answered");
                case DELETED -> hasFlag("\\Deleted");
                case DRAFT -> hasFlag("\\Draft");
                case FLAGGED -> hasFlag("\\Flagged");
                case SEEN -> hasFlag("\\Seen");
                case UNANSWERED -> !hasFlag("\\Answered");
                case UNDELETED -> !hasFlag("\\Deleted");
                case UNDRAFT -> !hasFlag("\\Draft");
                case UNFLAGGED -> !hasFlag("\\Flagged");
                case UNSEEN -> !hasFlag("\\Seen");
                case RECENT -> m.recent();
                case NEW -> m.recent() && !hasFlag("\\Seen");
                case OLD -> !m.recent();
            };
        }

        private boolean hasFlag(String flag) {
            Set<String> flags = m.flags();
            if (flags.contains(flag)) {
                return true;
            }
            for (String f : flags) {
                if (f.equalsIgnoreCase(flag)) {
                    return true;
                }
            }
            return false;
        }

        private boolean inUidSet(SequenceSet set) {
            return set.saved() ? savedUids.contains(m.uid()) : set.contains(m.uid(), Math.max(maxUid, m.uid()));
        }

        private boolean date(SearchKey.Date d) throws IOException {
            LocalDate actual = switch (d.kind()) {
                case BEFORE, ON, SINCE -> LocalDate.ofInstant(details().internalDate(), zone);
                case SENTBEFORE, SENTON, SENTSINCE -> sentDate(headers(), zone);
            };
            if (actual == null) {
                return false;
            }
            return switch (d.kind()) {
                case BEFORE, SENTBEFORE -> actual.isBefore(d.date());
                case ON, SENTON -> actual.isEqual(d.date());
                case SINCE, SENTSINCE -> !actual.isBefore(d.date());
            };
        }

        private boolean within(SearchKey.Within w) throws IOException {
            long age = now.getEpochSecond() - details().internalDate().getEpochSecond();
            return w.older() ? age > w.seconds() : age <= w.seconds();
        }

        private boolean text(SearchKey.Text t) throws IOException {
            MessageHeaders h = headers();
            return switch (t.field()) {
                case FROM -> address(h.from(), t.value());
                case TO -> address(h.to(), t.value());
                case CC -> address(h.cc(), t.value());
                case BCC -> address(h.bcc(), t.value());
                case SUBJECT -> MessageText.contains(h.decodedSubject(), t.value());
                case BODY -> foldedBody().contains(MessageText.fold(t.value()));
                case TEXT -> anyHeaderContains(t.value()) || foldedBody().contains(MessageText.fold(t.value()));
            };
        }

        private boolean address(AddressHeader h, String value) {
            return h != null && MessageText.contains(h.decoded(), value);
        }

        /** HEADER field-name string: any occurrence whose value contains the string; "" means the field exists. */
        private boolean header(String field, String value) throws IOException {
            String name = field.toLowerCase(Locale.ROOT);
            if (STORED_FIELDS.contains(name)) {
                String stored = stored(headers(), name);
                return stored != null && MessageText.contains(stored, value);
            }
            for (MessageText.Field f : headerFields()) {
                if (f.name().equalsIgnoreCase(field) && MessageText.contains(f.value(), value)) {
                    return true;
                }
            }
            return false;
        }

        private boolean anyHeaderContains(String value) throws IOException {
            for (MessageText.Field f : headerFields()) {
                if (MessageText.contains(f.name() + ": " + f.value(), value)) {
                    return true;
                }
            }
            return false;
        }

        private MessageDetails details() throws IOException {
            if (details == null) {
                details = m.details();
            }
            return details;
        }

        private MessageHeaders headers() throws IOException {
            ParsedMessage s = details().structure();
            return s == null ? MessageHeaders.EMPTY : s.headers();
        }

        private byte[] content() throws IOException {
            if (content == null) {
                content = m.content();
            }
            return content;
        }

        private List<MessageText.Field> headerFields() throws IOException {
            if (headerFields == null) {
                byte[] raw = content(); // the header ends at its blank line: no details needed
                headerFields = MessageText.fields(raw, 0, raw.length);
            }
            return headerFields;
        }

        /** The decoded text of the text parts, case-folded once for all BODY and TEXT keys. */
        private String foldedBody() throws IOException {
            if (foldedBody == null) {
                byte[] raw = content();
                ParsedMessage s = details().structure();
                foldedBody = MessageText.fold(s == null ? MessageText.text(raw, 0, raw.length)
                        : MessageText.bodyText(s.body(), raw));
            }
            return foldedBody;
        }
    }

    /** The decoded value of a field {@link MessageHeaders} keeps, or null when the message lacks it. */
    private static String stored(MessageHeaders h, String name) {
        return switch (name) {
            case "date" -> h.date();
            case "subject" -> h.decodedSubject();
            case "from" -> decoded(h.from());
            case "sender" -> decoded(h.sender());
            case "reply-to" -> decoded(h.replyTo());
            case "to" -> decoded(h.to());
            case "cc" -> decoded(h.cc());
            case "bcc" -> decoded(h.bcc());
            case "in-reply-to" -> h.inReplyTo();
            case "message-id" -> h.messageId();
            case "references" -> h.references().isEmpty() ? null : String.join(" ", h.references());
            default -> null;
        };
    }

    private static String decoded(AddressHeader h) {
        return h == null ? null : h.decoded();
    }
}
