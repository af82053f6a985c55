package org.atrium.connector.imap.port;

/** Where APPEND filed the message (RFC 4315 §3 APPENDUID). */
public record AppendResult(long uidValidity, long uid) {
}
