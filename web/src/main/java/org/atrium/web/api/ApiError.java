package org.atrium.web.api;

/**
 * The body of every error answer.
 *
 * @param code a stable machine-readable code (e.g. {@code INVALID}, {@code CONFLICT})
 * @param message for people
 * @param field the input field at fault, or null
 */
public record ApiError(String code, String message, String field) {
}
