package org.atrium.store.application.internal;

import java.util.Locale;
import java.util.regex.Pattern;
import org.atrium.store.application.StoreException;
import org.atrium.store.domain.MailAddress;
import org.atrium.store.domain.ResourceInfo;

/**
 * Field checks for contacts and resources (ADR 0017), each failure an INVALID {@link StoreException} naming the
 * field. Text is stripped; blank means "no value". Limits are the columns' sizes (V13), so that a value that passes
 * here is stored as sent.
 */
final class DirectoryEntryRules {

    static final int TEXT_MAX = 255;
    static final int PHONE_MAX = 64;
    static final int NOTES_MAX = 2000;
    /** Largest capacity accepted: more is a typing error, not a room. */
    static final int CAPACITY_MAX = 100_000;

    /** Digits, spaces and the usual separators of E.123 and national notations; an extension after "x". */
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]+( ?(x|ext\\.?) ?[0-9]+)?");

    private DirectoryEntryRules() {
    }

    /** Stripped text, null when blank; INVALID when longer than {@code max} or holding control characters. */
    /** The required {@code address} field of a new entry, parsed (RFC 5321 §4.1.2); 400 naming the field otherwise. */
    static MailAddress address(String value) {
        if (value == null || value.isBlank()) {
            throw StoreException.invalid("address", "address is required");
        }
        try {
            return MailAddress.parse(value.strip());
        } catch (IllegalArgumentException e) {
            throw StoreException.invalid("address", e.getMessage());
        }
    }

    static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw StoreException.invalid(field, field + " is longer than " + max + " characters");
        }
        if (v.chars().anyMatch(c -> c < 0x20 && !(max == NOTES_MAX && (c == '\n' || c == '\r' || c == '\t'))
                || c == 0x7f)) {
            throw StoreException.invalid(field, field + " must not contain control characters");
        }
        return v;
    }

    static String text(String field, String value) {
        return text(field, value, TEXT_MAX);
    }

    /** A telephone number, or null. */
    static String phone(String field, String value) {
        String v = text(field, value, PHONE_MAX);
        if (v != null && !PHONE.matcher(v).matches()) {
            throw StoreException.invalid(field, field + " is no telephone number: digits, spaces, + ( ) . / - only");
        }
        return v;
    }

    static String notes(String value) {
        return text("notes", value, NOTES_MAX);
    }

    /** {@code room} or {@code equipment}, any case; required. */
    static ResourceInfo.Type type(String value) {
        if (value == null || value.isBlank()) {
            throw StoreException.invalid("type", "type is required: room or equipment");
        }
        try {
            return ResourceInfo.Type.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw StoreException.invalid("type", "type is room or equipment, not " + value.strip());
        }
    }

    /** Null, or 0 up to {@link #CAPACITY_MAX}. */
    static Integer capacity(Integer value) {
        if (value != null && (value < 0 || value > CAPACITY_MAX)) {
            throw StoreException.invalid("capacity", "capacity is 0 to " + CAPACITY_MAX);
        }
        return value;
    }

    /** For updates: the new value when one was sent ({@code ""} clears), else the current one. */
    static String keep(String sent, String current, java.util.function.UnaryOperator<String> check) {
        return sent == null ? current : check.apply(sent);
    }
}
