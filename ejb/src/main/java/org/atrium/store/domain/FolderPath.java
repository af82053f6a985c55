package org.atrium.store.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A folder's full path, levels separated by {@link Folder#DELIMITER} (RFC 3501 §5.1, §6.3.8).
 *
 * <p>Invariants: no empty level (so no leading, trailing or doubled delimiter), no level longer than 255 characters,
 * no control characters and none of the LIST wildcards {@code *} and {@code %} (RFC 3501 §6.3.8: a name containing them
 * could never be listed on its own), at most 1024 characters. The first level {@code INBOX} is case-insensitive
 * (RFC 3501 §5.1) and always kept upper case, so {@code inbox/Lists} and {@code INBOX/Lists} are one path.
 */
public record FolderPath(String value) {

    public static final String INBOX = "INBOX";
    static final int MAX_LENGTH = 1024;
    static final int MAX_LEVEL = 255;

    public FolderPath {
        value = canonical(value);
    }

    /**
     * Parses a name as a client sends it. A single trailing delimiter is dropped: on CREATE it only declares that
     * the client means to create names under it (RFC 3501 §6.3.3).
     *
     * @throws IllegalArgumentException when the name breaks an invariant
     */
    public static FolderPath parse(String name) {
        if (name != null && name.length() > 1 && name.charAt(name.length() - 1) == Folder.DELIMITER) {
            name = name.substring(0, name.length() - 1);
        }
        return new FolderPath(name);
    }

    private static String canonical(String v) {
        if (v == null || v.isEmpty() || v.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("invalid folder path: empty or too long");
        }
        List<String> levels = split(v);
        for (String level : levels) {
            if (level.isEmpty() || level.length() > MAX_LEVEL) {
                throw new IllegalArgumentException("invalid folder path (empty or long level): " + v);
            }
            for (int i = 0; i < level.length(); i++) {
                char c = level.charAt(i);
                if (c < 0x20 || c == 0x7f || c == '*' || c == '%') {
                    throw new IllegalArgumentException("invalid character in folder path: " + v);
                }
            }
        }
        if (levels.get(0).equalsIgnoreCase(INBOX) && !levels.get(0).equals(INBOX)) {
            return INBOX + v.substring(INBOX.length());
        }
        return v;
    }

    private static List<String> split(String v) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= v.length(); i++) {
            if (i == v.length() || v.charAt(i) == Folder.DELIMITER) {
                out.add(v.substring(start, i));
                start = i + 1;
            }
        }
        return out;
    }

    public List<String> levels() {
        return split(value);
    }

    /** The last level. */
    public String name() {
        int i = value.lastIndexOf(Folder.DELIMITER);
        return i < 0 ? value : value.substring(i + 1);
    }

    /** The path above, or null at the top. */
    public FolderPath parent() {
        int i = value.lastIndexOf(Folder.DELIMITER);
        return i < 0 ? null : new FolderPath(value.substring(0, i));
    }

    /** The path itself and every path above it, top first: {@code a}, {@code a/b}, {@code a/b/c}. */
    public List<FolderPath> lineage() {
        List<FolderPath> out = new ArrayList<>();
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) == Folder.DELIMITER) {
                out.add(new FolderPath(value.substring(0, i)));
            }
        }
        out.add(this);
        return out;
    }

    public boolean isInbox() {
        return value.equals(INBOX);
    }

    /** Whether this path lies strictly below {@code ancestor}. */
    public boolean isBelow(FolderPath ancestor) {
        return value.length() > ancestor.value.length() && value.startsWith(ancestor.value)
                && value.charAt(ancestor.value.length()) == Folder.DELIMITER;
    }

    /**
     * Where this path goes when {@code from} is renamed to {@code to} (RFC 3501 §6.3.5: inferior names are renamed
     * too): {@code from} itself becomes {@code to}, {@code from/x} becomes {@code to/x}, other paths stay.
     */
    public FolderPath rebase(FolderPath from, FolderPath to) {
        if (equals(from)) {
            return to;
        }
        if (isBelow(from)) {
            return new FolderPath(to.value + value.substring(from.value.length()));
        }
        return this;
    }

    @Override
    public String toString() {
        return value;
    }
}
