package org.atrium.connector.imap;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The registry from command name to {@link ImapCommandParser}, immutable once built, and the single entry point that
 * turns an {@link ImapCommandLine} into an {@link ImapRequest} or the text of a tagged BAD (RFC 3501 §7.1.3).
 *
 * <p>Invariant: {@link #parse} never throws for any client input. Syntax errors carry their own message; an
 * unexpected runtime failure in a parser is still reported as BAD (and is a defect to fix), since a parser bug must
 * not end the connection.
 */
public final class ImapCommandParsers {

    /** The outcome of parsing one command. */
    public sealed interface Result {
        record Parsed(ImapRequest request) implements Result {
        }

        record Bad(String tag, String message) implements Result {
        }
    }

    private final Map<String, ImapCommandParser> parsers;
    private final int maxNestingDepth;

    public ImapCommandParsers(ImapRequestLimits limits) {
        Map<String, ImapCommandParser> m = new HashMap<>();
        for (SimpleCommand c : SimpleCommand.values()) {
            m.put(c.name(), new SimpleCommandParser(c));
        }
        m.put("LOGIN", new LoginCommandParser());
        m.put("AUTHENTICATE", new AuthenticateCommandParser());
        m.put("SELECT", new SelectCommandParser());
        m.put("EXAMINE", new ExamineCommandParser());
        m.put("CREATE", new CreateCommandParser());
        m.put("DELETE", new DeleteCommandParser());
        m.put("RENAME", new RenameCommandParser());
        m.put("SUBSCRIBE", new SubscribeCommandParser());
        m.put("UNSUBSCRIBE", new UnsubscribeCommandParser());
        m.put("LIST", new ListCommandParser());
        m.put("LSUB", new LsubCommandParser());
        m.put("STATUS", new StatusCommandParser());
        m.put("APPEND", new AppendCommandParser());
        m.put("ENABLE", new EnableCommandParser());
        m.put("ID", new IdCommandParser());
        m.put("GETQUOTA", new GetQuotaCommandParser());
        m.put("GETQUOTAROOT", new GetQuotaRootCommandParser());
        m.put("SETQUOTA", new SetQuotaCommandParser());
        m.put("SETACL", new SetAclCommandParser());
        m.put("DELETEACL", new DeleteAclCommandParser());
        m.put("GETACL", new GetAclCommandParser());
        m.put("LISTRIGHTS", new ListRightsCommandParser());
        m.put("MYRIGHTS", new MyRightsCommandParser());
        Map<String, ImapCommandParser.UidCapable> uid = Map.of("COPY", new CopyCommandParser(), "MOVE",
                new MoveCommandParser(), "FETCH", new FetchCommandParser(), "STORE", new StoreCommandParser(),
                "SEARCH", new SearchCommandParser(), "EXPUNGE", new ExpungeCommandParser(), "SORT",
                new SortCommandParser(), "THREAD", new ThreadCommandParser());
        m.putAll(uid);
        m.put("UID", new UidCommandParser(uid));
        this.parsers = Map.copyOf(m);
        this.maxNestingDepth = limits.maxNestingDepth();
    }

    /** The command names this registry knows, upper case. */
    public Set<String> commands() {
        return parsers.keySet();
    }

    /**
     * Parses one command.
     *
     * @param utf8 whether the session enabled UTF8=ACCEPT (RFC 6855 §3) or IMAP4rev2 (RFC 9051 §4.3), which allow
     *     UTF-8 in quoted strings
     */
    public Result parse(ImapCommandLine command, boolean utf8) {
        ImapCommandParser parser = parsers.get(command.name());
        if (parser == null) {
            return new Result.Bad(command.tag(), "Unknown command");
        }
        try {
            return new Result.Parsed(parser.parse(command.tag(), new ImapArgumentParser(command, utf8,
                    maxNestingDepth)));
        } catch (ImapSyntaxException e) {
            return new Result.Bad(command.tag(), command.name() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            return new Result.Bad(command.tag(), command.name() + ": invalid arguments");
        }
    }
}
