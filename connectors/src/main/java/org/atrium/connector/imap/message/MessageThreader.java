package org.atrium.connector.imap.message;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.atrium.connector.imap.port.MessageDetails;
import org.atrium.connector.mime.MessageHeaders;

/**
 * THREAD (RFC 5256 §4): ORDEREDSUBJECT and REFERENCES over the stored Message-ID/References/In-Reply-To.
 *
 * <p>ORDEREDSUBJECT groups messages by base subject (RFC 5256 §2.1); each group is sorted by sent date, its first
 * message is the thread's root and the others are its children, so there are no grandchildren; threads are ordered
 * by the sent date of their first message.
 *
 * <p>REFERENCES is the algorithm of RFC 5256 §4 (after Jamie Zawinski): (1) link messages along their References
 * (else the first message id of In-Reply-To) without changing an existing parent in step 1A and without creating a
 * loop, creating dummies for ids not in the folder, and make the last reference the message's parent (1B); a message
 * without or with a duplicate Message-ID gets a unique one; (2) the root set is every container without parent;
 * (4) prune dummies, promoting their children (to the root only when there is one); (5) sort the root set by sent
 * date, a dummy taking its first child's date; (6) merge root threads with the same base subject; (7) sort all
 * siblings by sent date. The sent date (§2.2) is the Date header, else the internal date; equal dates keep the order
 * of sequence numbers.
 *
 * <p>Output: the {@code thread-list}s of the THREAD response (RFC 5256 §5), e.g. {@code (2)(3 6 (4 23)(44 7 96))}:
 * a chain of single children is written as space-separated numbers, a branch as one parenthesised list per child.
 */
public final class MessageThreader {

    public enum Algorithm { ORDEREDSUBJECT, REFERENCES }

    private static final Pattern MSG_ID = Pattern.compile("<[^<>\\s]+>");

    private MessageThreader() {
    }

    /**
     * The thread list of the THREAD response (after {@code * THREAD }), e.g. {@code (2)(3 6 (4 23)(44 7 96))}, with
     * UIDs when {@code uid}, else sequence numbers; empty string for no messages.
     */
    public static String thread(Algorithm algorithm, List<SearchCandidate> messages, boolean uid) throws IOException {
        List<Node> msgs = new ArrayList<>(messages.size());
        for (SearchCandidate c : messages) {
            MessageDetails d = c.details();
            MessageHeaders h = d.structure() == null ? MessageHeaders.EMPTY : d.structure().headers();
            Instant sent = h.dateTime() != null ? h.dateTime() : d.internalDate();
            msgs.add(new Node(uid ? c.uid() : c.seq(), c.seq(), sent, h));
        }
        msgs.sort(Comparator.comparingLong(n -> n.seq)); // duplicate Message-IDs: the lowest number keeps it
        List<Node> roots = algorithm == Algorithm.ORDEREDSUBJECT ? orderedSubject(msgs) : references(msgs);
        StringBuilder sb = new StringBuilder();
        for (Node r : roots) {
            write(r, sb);
        }
        return sb.toString();
    }

    /** A message or a dummy (number 0) in the thread tree. */
    private static final class Node {
        private final long number;
        private final long seq;
        private final Instant sent;
        private final MessageHeaders headers;
        private Node parent;
        private final List<Node> children = new ArrayList<>();

        Node(long number, long seq, Instant sent, MessageHeaders headers) {
            this.number = number;
            this.seq = seq;
            this.sent = sent;
            this.headers = headers;
        }

        static Node dummy() {
            return new Node(0, 0, null, null);
        }

        boolean isDummy() {
            return headers == null;
        }

        /** A dummy sorts by its first child (RFC 5256 §4 steps 5 and 7). */
        Node dateSource() {
            Node n = this;
            while (n.isDummy() && !n.children.isEmpty()) {
                n = n.children.get(0);
            }
            return n;
        }

        String subject() {
            return headers == null ? null : headers.subject();
        }

        void add(Node child) {
            child.parent = this;
            children.add(child);
        }

        void remove(Node child) {
            children.remove(child);
            child.parent = null;
        }

        boolean isAncestorOf(Node other) {
            for (Node p = other; p != null; p = p.parent) {
                if (p == this) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final Comparator<Node> BY_SENT = (a, b) -> {
        Node x = a.dateSource();
        Node y = b.dateSource();
        if (x.sent != null && y.sent != null) {
            int c = x.sent.compareTo(y.sent);
            if (c != 0) {
                return c;
            }
        } else if (x.sent != y.sent) {
            return x.sent == null ? -1 : 1;
        }
        return Long.compare(x.seq, y.seq);
    };

    private static List<Node> orderedSubject(List<Node> msgs) {
        Map<String, List<Node>> groups = new LinkedHashMap<>();
        for (Node n : msgs) {
            String subject = MessageText.fold(MessageSorter.baseSubject(n.subject()));
            groups.computeIfAbsent(subject, k -> new ArrayList<>()).add(n);
        }
        List<Node> roots = new ArrayList<>();
        for (List<Node> g : groups.values()) {
            g.sort(BY_SENT);
            Node root = g.get(0);
            for (int i = 1; i < g.size(); i++) {
                root.add(g.get(i));
            }
            roots.add(root);
        }
        roots.sort(BY_SENT);
        return roots;
    }

    private static List<Node> references(List<Node> msgs) {
        // (1) id table, links along References
        Map<String, Node> ids = new HashMap<>();
        Map<Node, String> own = new HashMap<>();
        for (Node m : msgs) {
            String id = firstId(m.headers.messageId());
            if (id == null || ids.containsKey(id) && !ids.get(id).isDummy()) {
                id = null; // unique, never referenced
            }
            if (id != null) {
                Node placeholder = ids.get(id);
                if (placeholder != null) {
                    // a dummy created by an earlier reference: this message takes its place in the tree
                    adopt(placeholder, m);
                }
                ids.put(id, m);
                own.put(m, id);
            }
            List<String> refs = references(m.headers);
            Node prev = null;
            for (String ref : refs) {
                Node r = ids.get(ref);
                if (r == null) {
                    r = Node.dummy();
                    ids.put(ref, r);
                }
                if (prev != null && r.parent == null && r != prev && !r.isAncestorOf(prev)) { // (1A)
                    prev.add(r);
                }
                prev = r;
            }
            // (1B): the last reference becomes the parent, replacing any earlier link
            if (m.parent != null) {
                m.parent.remove(m);
            }
            if (prev != null && prev != m && !m.isAncestorOf(prev)) {
                prev.add(m);
            }
        }
        // (2) the root set
        List<Node> roots = new ArrayList<>();
        for (Node n : ids.values()) {
            if (n.parent == null) {
                roots.add(n);
            }
        }
        for (Node m : msgs) {
            if (m.parent == null && !own.containsKey(m)) {
                roots.add(m);
            }
        }
        // a stable start, independent of hash order: by the first message under each root
        roots.sort(BY_SENT);
        // (4) prune dummies
        List<Node> pruned = new ArrayList<>();
        for (Node r : roots) {
            prune(r);
            if (r.isDummy()) {
                if (r.children.size() == 1) {
                    Node only = r.children.get(0);
                    r.remove(only);
                    pruned.add(only);
                } else if (!r.children.isEmpty()) {
                    pruned.add(r);
                }
            } else {
                pruned.add(r);
            }
        }
        // (5) sort the root set; a dummy's children first, so that it takes its first child's date
        for (Node r : pruned) {
            if (r.isDummy()) {
                r.children.sort(BY_SENT);
            }
        }
        pruned.sort(BY_SENT);
        // (6) merge threads by base subject
        List<Node> merged = mergeBySubject(pruned);
        // (7) sort every set of siblings, children before parents
        for (Node r : merged) {
            sortTree(r);
        }
        merged.sort(BY_SENT);
        return merged;
    }

    /** A message found for an id a dummy held: it takes the dummy's parent and children. */
    private static void adopt(Node dummy, Node m) {
        for (Node c : new ArrayList<>(dummy.children)) {
            dummy.remove(c);
            if (!c.isAncestorOf(m)) {
                m.add(c);
            }
        }
        Node p = dummy.parent;
        if (p != null) {
            int i = p.children.indexOf(dummy);
            p.remove(dummy);
            if (!m.isAncestorOf(p)) {
                m.parent = p;
                p.children.add(i, m);
            }
        }
    }

    /**
     * Step 4 below a node: dummies without children go, dummies with children are replaced by them, at every depth.
     * Iterative, so a reply chain thousands deep cannot overflow the stack.
     */
    private static void prune(Node top) {
        List<Node> stack = new ArrayList<>();
        stack.add(top);
        while (!stack.isEmpty()) {
            Node n = stack.remove(stack.size() - 1);
            List<Node> kept = new ArrayList<>();
            List<Node> work = new ArrayList<>(n.children);
            for (int i = 0; i < work.size(); i++) {
                Node c = work.get(i);
                if (c.isDummy()) {
                    work.addAll(i + 1, c.children);
                    c.children.clear();
                } else {
                    kept.add(c);
                }
            }
            n.children.clear();
            for (Node c : kept) {
                n.add(c);
                stack.add(c);
            }
        }
    }

    private static List<Node> mergeBySubject(List<Node> roots) {
        Map<String, Node> table = new HashMap<>();
        for (Node r : roots) { // (6B, 6C)
            String subject = threadSubject(r);
            if (subject.isEmpty()) {
                continue;
            }
            Node old = table.get(subject);
            if (old == null || !old.isDummy() && (r.isDummy()
                    || MessageSorter.isReplyOrForward(old.subject()) && !MessageSorter.isReplyOrForward(r.subject()))) {
                table.put(subject, r);
            }
        }
        List<Node> out = new ArrayList<>(roots);
        Set<Node> merged = new HashSet<>();
        for (Node r : roots) { // (6D)
            String subject = threadSubject(r);
            if (subject.isEmpty()) {
                continue;
            }
            Node t = table.get(subject);
            if (t == null || t == r) {
                continue;
            }
            merged.add(r);
            if (t.isDummy() && r.isDummy()) {
                for (Node c : new ArrayList<>(r.children)) {
                    r.remove(c);
                    t.add(c);
                }
            } else if (t.isDummy()) {
                t.add(r);
            } else if (MessageSorter.isReplyOrForward(r.subject()) && !MessageSorter.isReplyOrForward(t.subject())) {
                t.add(r);
            } else {
                Node dummy = Node.dummy();
                int at = out.indexOf(t);
                out.set(at, dummy);
                dummy.add(t);
                dummy.add(r);
                table.put(subject, dummy);
            }
        }
        out.removeAll(merged);
        return out;
    }

    /** The base subject of a root thread: of its message, or of a dummy's first child. */
    private static String threadSubject(Node r) {
        Node n = r.isDummy() && !r.children.isEmpty() ? r.children.get(0) : r;
        return MessageText.fold(MessageSorter.baseSubject(n.subject()));
    }

    /** Sorts siblings depth-first, children before their parents, without deep recursion. */
    private static void sortTree(Node root) {
        List<Node> order = new ArrayList<>();
        List<Node> stack = new ArrayList<>();
        stack.add(root);
        while (!stack.isEmpty()) {
            Node n = stack.remove(stack.size() - 1);
            order.add(n);
            stack.addAll(n.children);
        }
        for (int i = order.size() - 1; i >= 0; i--) {
            order.get(i).children.sort(BY_SENT);
        }
    }

    /** The Message IDs a message refers to: References, else the first id of In-Reply-To (RFC 5256 §4 step 1). */
    private static List<String> references(MessageHeaders h) {
        List<String> out = new ArrayList<>();
        for (String r : h.references()) {
            Matcher m = MSG_ID.matcher(r);
            if (m.find()) {
                out.add(m.group());
            }
        }
        if (out.isEmpty()) {
            String irt = firstId(h.inReplyTo());
            if (irt != null) {
                out.add(irt);
            }
        }
        return out;
    }

    private static String firstId(String raw) {
        if (raw == null) {
            return null;
        }
        Matcher m = MSG_ID.matcher(raw);
        return m.find() ? m.group() : null;
    }

    /**
     * Writes one {@code thread} of RFC 5256 §5: a chain of only children as numbers, then at a branch one
     * parenthesised thread per child. Iterative, with an explicit stack, so deep trees cannot overflow the stack.
     */
    private static void write(Node root, StringBuilder sb) {
        Deque<Iterator<Node>> stack = new ArrayDeque<>();
        open(root, sb, stack);
        while (!stack.isEmpty()) {
            Iterator<Node> it = stack.peek();
            if (it.hasNext()) {
                open(it.next(), sb, stack);
            } else {
                stack.pop();
                sb.append(')');
            }
        }
    }

    /** Opens a thread, writes its chain, and either closes it or leaves its branches on the stack. */
    private static void open(Node start, StringBuilder sb, Deque<Iterator<Node>> stack) {
        sb.append('(');
        Node n = start;
        boolean first = true;
        while (true) {
            if (!n.isDummy()) {
                if (!first) {
                    sb.append(' ');
                }
                sb.append(n.number);
                first = false;
            }
            if (n.children.size() == 1) {
                n = n.children.get(0);
            } else if (n.children.isEmpty()) {
                sb.append(')');
                return;
            } else {
                if (!first) {
                    sb.append(' ');
                }
                stack.push(n.children.iterator());
                return;
            }
        }
    }
}
