package org.atrium.connector.imap.message;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.atrium.connector.imap.port.MessageDetails;
import org.atrium.connector.mime.AddressHeader;
import org.atrium.connector.mime.MessageHeaders;
import org.atrium.connector.mime.MimeAddress;

/**
 * SORT (RFC 5256 §3): orders messages by the criteria, ties broken by sequence number.
 *
 * <p>Keys (RFC 5256 §3, RFC 5957 §2): ARRIVAL is the internal date; DATE the sent date (§2.2: the Date header, else
 * the internal date); SIZE the RFC822.SIZE; SUBJECT the base subject of §2.1 ({@link #baseSubject}); FROM, TO and CC
 * the local part ({@code addr-mailbox}) of the first mailbox of the header, empty when there is none; DISPLAYFROM and
 * DISPLAYTO the decoded display name of that first mailbox, else its address (RFC 5957 §2). Strings compare by
 * i;unicode-casemap (RFC 5051, see {@link MessageText#fold}); a missing value is the empty string and sorts first.
 * Each message's keys are computed once, so details load once per message.
 */
public final class MessageSorter {

    /** A sort key (RFC 5256 §3 {@code sort-key}), possibly REVERSE; DISPLAYFROM/DISPLAYTO from RFC 5957. */
    public record Criterion(Key key, boolean reverse) {
        public enum Key { ARRIVAL, CC, DATE, FROM, SIZE, SUBJECT, TO, DISPLAYFROM, DISPLAYTO }
    }

    /** {@code subj-trailer = "(fwd)" / WSP}, at the end. */
    private static final Pattern TRAILER = Pattern.compile("(?i)(?:\\s|\\(fwd\\))+$");
    /** {@code subj-leader = (*subj-blob subj-refwd) / WSP}; {@code subj-refwd = ("re" / ("fw" ["d"])) *WSP
     * [subj-blob] ":"}. */
    private static final Pattern LEADER =
            Pattern.compile("(?i)^(?:\\s+|(?:\\[[^\\[\\]]*\\]\\s*)*(?:re|fwd?)\\s*(?:\\[[^\\[\\]]*\\]\\s*)?:)");
    /** {@code subj-blob = "[" *BLOBCHAR "]" *WSP}. */
    private static final Pattern BLOB = Pattern.compile("^\\[[^\\[\\]]*\\]\\s*");
    private static final Pattern WSP_RUN = Pattern.compile("\\s+");

    private MessageSorter() {
    }

    public static List<SearchCandidate> sort(List<Criterion> criteria, List<SearchCandidate> messages)
            throws IOException {
        int n = criteria.size();
        List<Keyed> keyed = new ArrayList<>(messages.size());
        for (SearchCandidate m : messages) {
            Comparable<?>[] keys = new Comparable<?>[n];
            MessageDetails d = null;
            for (int i = 0; i < n; i++) {
                if (d == null) {
                    d = m.details();
                }
                keys[i] = key(criteria.get(i).key(), d);
            }
            keyed.add(new Keyed(m, keys));
        }
        Comparator<Keyed> order = (a, b) -> {
            for (int i = 0; i < n; i++) {
                @SuppressWarnings({"unchecked", "rawtypes"})
                int c = ((Comparable) a.keys[i]).compareTo(b.keys[i]);
                if (c != 0) {
                    return criteria.get(i).reverse() ? -c : c;
                }
            }
            return Long.compare(a.message.seq(), b.message.seq());
        };
        keyed.sort(order);
        List<SearchCandidate> out = new ArrayList<>(keyed.size());
        for (Keyed k : keyed) {
            out.add(k.message);
        }
        return out;
    }

    /** A message with its sort keys, computed once. */
    private static final class Keyed {
        private final SearchCandidate message;
        private final Comparable<?>[] keys;

        Keyed(SearchCandidate message, Comparable<?>[] keys) {
            this.message = message;
            this.keys = keys;
        }
    }

    private static Comparable<?> key(Criterion.Key key, MessageDetails d) {
        MessageHeaders h = d.structure() == null ? MessageHeaders.EMPTY : d.structure().headers();
        return switch (key) {
            case ARRIVAL -> d.internalDate();
            case DATE -> h.dateTime() != null ? h.dateTime() : d.internalDate();
            case SIZE -> d.size();
            case SUBJECT -> MessageText.fold(baseSubject(h.subject()));
            case FROM -> mailbox(h.from());
            case TO -> mailbox(h.to());
            case CC -> mailbox(h.cc());
            case DISPLAYFROM -> display(h.from());
            case DISPLAYTO -> display(h.to());
        };
    }

    private static MimeAddress first(AddressHeader h) {
        if (h == null) {
            return null;
        }
        for (MimeAddress a : h.addresses()) {
            if (a.kind() == MimeAddress.Kind.MAILBOX) {
                return a;
            }
        }
        return null;
    }

    private static String mailbox(AddressHeader h) {
        MimeAddress a = first(h);
        return a == null ? "" : MessageText.fold(a.localPart());
    }

    /** RFC 5957 §2: the display name if there is one, else the addr-spec. */
    private static String display(AddressHeader h) {
        MimeAddress a = first(h);
        if (a == null) {
            return "";
        }
        String name = a.decodedName();
        if (name != null && !name.isBlank()) {
            return MessageText.fold(name.strip());
        }
        return MessageText.fold(a.address());
    }

    /**
     * The base subject of RFC 5256 §2.1, in lower case (compare it through i;unicode-casemap): encoded-words
     * decoded, whitespace runs made one space, then trailing "(fwd)", leading "Re:", "Fw:", "Fwd:" (with [blob]s)
     * and a leading [blob] (when something is left) removed until nothing changes, and a "[fwd: ...]" wrapper
     * unwrapped. Null or blank gives "".
     */
    public static String baseSubject(String rawSubject) {
        return extract(rawSubject).text();
    }

    /**
     * Whether the subject is a reply or forward as RFC 5256 §4 REFERENCES step 6 means it: extracting the base
     * subject removed a {@code subj-refwd}, a "(fwd)" trailer or a "[fwd: ...]" wrapper.
     */
    static boolean isReplyOrForward(String rawSubject) {
        return extract(rawSubject).replyOrForward();
    }

    private record Base(String text, boolean replyOrForward) {
    }

    private static Base extract(String rawSubject) {
        if (rawSubject == null) {
            return new Base("", false);
        }
        String s = DecoderUtil.decodeEncodedWords(rawSubject, DecodeMonitor.SILENT);
        s = WSP_RUN.matcher(s).replaceAll(" ");
        boolean refwd = false;
        while (true) {
            Matcher t = TRAILER.matcher(s); // step 2
            if (t.find()) {
                refwd |= t.group().toLowerCase(Locale.ROOT).contains("(fwd)");
                s = s.substring(0, t.start());
            }
            boolean changed;
            do { // steps 3 to 5
                changed = false;
                Matcher m = LEADER.matcher(s);
                while (m.find()) {
                    refwd |= !m.group().isBlank();
                    s = s.substring(m.end());
                    changed = true;
                    m = LEADER.matcher(s);
                }
                Matcher b = BLOB.matcher(s);
                if (b.find() && b.end() < s.length()) {
                    s = s.substring(b.end());
                    changed = true;
                }
            } while (changed);
            if (s.length() >= 6 && s.regionMatches(true, 0, "[fwd:", 0, 5) && s.endsWith("]")) { // step 6
                s = s.substring(5, s.length() - 1);
                refwd = true;
                continue;
            }
            break;
        }
        return new Base(s.strip().toLowerCase(Locale.ROOT), refwd);
    }
}
