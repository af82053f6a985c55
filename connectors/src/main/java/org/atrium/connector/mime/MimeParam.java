package org.atrium.connector.mime;

import java.util.Objects;

/** One MIME parameter exactly as written (name lower-cased, value unquoted; RFC 2231 sections kept apart). */
public record MimeParam(String name, String value) {
    public MimeParam {
        Objects.requireNonNull(name);
        Objects.requireNonNull(value);
    }
}
