package org.atrium.store.application;

/**
 * The fields of a resource (ADR 0017) as an administrator sends them. On create {@code address} and {@code type}
 * ({@code room} or {@code equipment}, any case) are required; on update {@code address} is ignored and a
 * {@code null} field keeps its value (an empty location clears it).
 */
public record ResourceData(String address, String displayName, String type, Integer capacity, String location) {
}
