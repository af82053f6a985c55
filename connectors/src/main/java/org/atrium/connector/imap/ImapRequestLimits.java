package org.atrium.connector.imap;

/**
 * The bounds an IMAP connection's request decoding keeps, so that memory per connection stays bounded whatever a
 * client sends (RFC 9051 §2.2 leaves command length to the server; RFC 7889 and RFC 9051 §7.1 name the TOOBIG code).
 *
 * <p>Invariants: every bound is positive, and {@code maxCommandSize} is at least {@code maxAppendLiteral}, so a
 * message that fits the APPEND limit is never refused by the command limit alone.
 *
 * @param maxLineLength longest line, without CRLF; the host's {@code LineAssembler} should use the same value
 * @param maxArgumentLiteral largest literal in any command but APPEND (user names, passwords, search strings)
 * @param maxAppendLiteral largest literal of APPEND, the message itself (buffered in memory by the reader)
 * @param maxCommandSize lines and literals of one command together
 * @param maxLiterals literals in one command
 * @param maxNestingDepth parenthesised lists and NOT/OR chains nested in one argument
 */
public record ImapRequestLimits(int maxLineLength, long maxArgumentLiteral, long maxAppendLiteral,
        long maxCommandSize, int maxLiterals, int maxNestingDepth) {

    /** 8 KiB lines (RFC 7162 §4 asks for at least 8192), 64 KiB argument literals, 35 MiB messages. */
    public static final ImapRequestLimits DEFAULTS =
            new ImapRequestLimits(8192, 64 * 1024, 35L * 1024 * 1024, 36L * 1024 * 1024, 64, 32);

    public ImapRequestLimits {
        if (maxLineLength < 16 || maxArgumentLiteral < 1 || maxAppendLiteral < 1 || maxLiterals < 1
                || maxNestingDepth < 1 || maxCommandSize < maxAppendLiteral) {
            throw new IllegalArgumentException("invalid IMAP request limits");
        }
    }

    /** The literal limit that applies inside the given (upper-case) command. */
    public long maxLiteral(String command) {
        return "APPEND".equals(command) ? maxAppendLiteral : maxArgumentLiteral;
    }
}
