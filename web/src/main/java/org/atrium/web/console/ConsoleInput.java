package org.atrium.web.console;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.validator.ValidatorException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Checks the console's forms make as the administrator types, before the service sees the value (the service checks
 * again and has the last word), and the small conversions between form fields and service arguments.
 */
final class ConsoleInput {

    private ConsoleInput() {
    }

    /**
     * The address in lower case and without surrounding blanks.
     *
     * @throws ValidatorException unless it has the shape {@code name@domain} (one {@code @}, no blanks)
     */
    static String address(Object value) {
        String a = value == null ? "" : value.toString().strip().toLowerCase(Locale.ROOT);
        int at = a.lastIndexOf('@');
        if (at <= 0 || at == a.length() - 1 || a.indexOf('@') != at || a.chars().anyMatch(Character::isWhitespace)) {
            throw invalid("Not an address: expected name@domain.");
        }
        return a;
    }

    /** The domain part of an address {@link #address} accepted. */
    static String domainOf(String address) {
        return address.substring(address.lastIndexOf('@') + 1);
    }

    /** A quota's octets from a form field ({@link ByteSize}); the field's message when it is no size. */
    static Long bytes(Object value) {
        try {
            return ByteSize.parse(value == null ? null : value.toString());
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    /** A whole number of at least 0, or null for a blank field. */
    static Long count(Object value) {
        String s = value == null ? "" : value.toString().strip();
        if (s.isEmpty()) {
            return null;
        }
        try {
            long n = Long.parseLong(s);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw invalid("Enter a whole number of at least 0, or leave it empty.");
    }

    /** A warning level 1 to 100, or null for a blank field. */
    static Integer percent(Object value) {
        String s = value == null ? "" : value.toString().strip();
        if (s.isEmpty()) {
            return null;
        }
        try {
            int n = Integer.parseInt(s);
            if (n >= 1 && n <= 100) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw invalid("Enter a percentage from 1 to 100, or leave it empty.");
    }

    /** A date-time field (no zone: the browser sends the administrator's wall time) as an instant in that zone. */
    static Instant instant(LocalDateTime value, ZoneId zone) {
        return value == null ? null : value.atZone(zone).toInstant();
    }

    /** The rows whose text (by {@code text}) contains the search, case ignored; all rows for a blank search. */
    static <T> List<T> matching(List<T> rows, String search, Function<T, String> text) {
        if (search == null || search.isBlank()) {
            return rows;
        }
        String s = search.strip().toLowerCase(Locale.ROOT);
        return rows.stream().filter(r -> {
            String t = text.apply(r);
            return t != null && t.toLowerCase(Locale.ROOT).contains(s);
        }).toList();
    }

    static ValidatorException invalid(String text) {
        return new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }
}
