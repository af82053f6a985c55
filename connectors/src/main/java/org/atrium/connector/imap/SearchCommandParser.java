package org.atrium.connector.imap;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code search = "SEARCH" [search-return-opts] [SP "CHARSET" SP astring] 1*(SP search-key)} (RFC 3501 §6.4.4, §9;
 * RFC 4466 §2.6 return options; RFC 4731 ESEARCH; RFC 5182 SAVE; RFC 7162 MODSEQ; RFC 5032 OLDER/YOUNGER).
 *
 * <p>Nesting of parentheses, NOT and OR is bounded by {@link ImapRequestLimits#maxNestingDepth()}, so a chain such
 * as {@code NOT NOT NOT ...} cannot exhaust the stack.
 */
public final class SearchCommandParser implements ImapCommandParser.UidCapable {

    @Override
    public ImapRequest parse(String tag, ImapArgumentParser args, boolean uid) throws ImapSyntaxException {
        args.sp();
        Set<SearchRequest.ReturnOption> returns = null;
        if (args.tryKeyword("RETURN")) {
            args.sp();
            returns = EnumSet.noneOf(SearchRequest.ReturnOption.class);
            args.openList();
            if (!args.tryChar(')')) {
                do {
                    try {
                        returns.add(SearchRequest.ReturnOption.valueOf(args.keyword()));
                    } catch (IllegalArgumentException e) {
                        throw new ImapSyntaxException("Unknown RETURN option");
                    }
                } while (args.tryChar(' '));
                args.expect(')');
            }
            args.leave();
            args.sp();
        }
        String charset = null;
        if (args.tryKeyword("CHARSET")) {
            args.sp();
            charset = args.astring().toUpperCase(Locale.ROOT);
            args.sp();
        }
        return new SearchRequest(tag, uid, returns, charset, keys(args));
    }

    /**
     * {@code 1*(SP search-key)} up to the end of the arguments (the first SP already consumed), as one key or their
     * {@link SearchKey.And}; shared with SORT and THREAD (RFC 5256 §5), whose grammar ends the same way.
     */
    static SearchKey keys(ImapArgumentParser args) throws ImapSyntaxException {
        List<SearchKey> keys = new ArrayList<>();
        do {
            keys.add(key(args));
        } while (args.more());
        return keys.size() == 1 ? keys.get(0) : new SearchKey.And(keys);
    }

    static SearchKey key(ImapArgumentParser args) throws ImapSyntaxException {
        int c = args.peek();
        if ((c >= '0' && c <= '9') || c == '*' || c == '$') {
            return new SearchKey.Sequence(args.sequenceSet());
        }
        if (c == '(') {
            args.openList();
            List<SearchKey> keys = new ArrayList<>();
            do {
                keys.add(key(args));
            } while (args.tryChar(' '));
            args.closeList();
            return keys.size() == 1 ? keys.get(0) : new SearchKey.And(keys);
        }
        String k = args.keyword();
        switch (k) {
            case "ALL", "ANSWERED", "DELETED", "DRAFT", "FLAGGED", "NEW", "OLD", "RECENT", "SEEN", "UNANSWERED",
                    "UNDELETED", "UNDRAFT", "UNFLAGGED", "UNSEEN" -> {
                return SearchKey.Simple.valueOf(k);
            }
            case "BCC", "BODY", "CC", "FROM", "SUBJECT", "TEXT", "TO" -> {
                args.sp();
                return new SearchKey.Text(SearchKey.Text.Field.valueOf(k), args.astring());
            }
            case "BEFORE", "ON", "SINCE", "SENTBEFORE", "SENTON", "SENTSINCE" -> {
                args.sp();
                return new SearchKey.Date(SearchKey.Date.DateKind.valueOf(k), args.date());
            }
            case "KEYWORD", "UNKEYWORD" -> {
                args.sp();
                return new SearchKey.Keyword(args.atom(), k.equals("KEYWORD"));
            }
            case "HEADER" -> {
                args.sp();
                String field = args.astring();
                args.sp();
                return new SearchKey.Header(field, args.astring());
            }
            case "LARGER", "SMALLER" -> {
                args.sp();
                return new SearchKey.Size(k.equals("LARGER"), args.number64());
            }
            case "OLDER", "YOUNGER" -> {
                args.sp();
                return new SearchKey.Within(k.equals("OLDER"), args.nzNumber());
            }
            case "UID" -> {
                args.sp();
                return new SearchKey.Uid(args.sequenceSet());
            }
            case "MODSEQ" -> {
                args.sp();
                String entry = null;
                String type = null;
                if (args.peek() == '"') {
                    entry = args.quoted();
                    args.sp();
                    type = args.keyword().toLowerCase(Locale.ROOT);
                    if (!type.equals("priv") && !type.equals("shared") && !type.equals("all")) {
                        throw new ImapSyntaxException("Invalid MODSEQ entry type");
                    }
                    args.sp();
                }
                return new SearchKey.ModSeq(entry, type, args.number64());
            }
            case "NOT" -> {
                args.sp();
                args.enter();
                SearchKey inner = key(args);
                args.leave();
                return new SearchKey.Not(inner);
            }
            case "OR" -> {
                args.sp();
                args.enter();
                SearchKey left = key(args);
                args.sp();
                SearchKey right = key(args);
                args.leave();
                return new SearchKey.Or(left, right);
            }
            default -> throw new ImapSyntaxException("Unknown search key");
        }
    }
}
