package org.atrium.store.application;

import jakarta.ejb.ApplicationException;

/**
 * A refusal by a store service that the caller can show: the REST API maps {@link Code} to an HTTP status and returns
 * the message; protocols map it to their own replies. Rolls the transaction back.
 */
@ApplicationException(rollback = true)
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Code { INVALID, NOT_FOUND, CONFLICT, FORBIDDEN }

    private final Code code;
    private final String field;

    public StoreException(Code code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    public static StoreException invalid(String field, String message) {
        return new StoreException(Code.INVALID, field, message);
    }

    public static StoreException notFound(String message) {
        return new StoreException(Code.NOT_FOUND, null, message);
    }

    public static StoreException forbidden(String message) {
        return new StoreException(Code.FORBIDDEN, null, message);
    }

    public static StoreException conflict(String field, String message) {
        return new StoreException(Code.CONFLICT, field, message);
    }

    public Code code() {
        return code;
    }

    /** The input field at fault, or null. */
    public String field() {
        return field;
    }
}
