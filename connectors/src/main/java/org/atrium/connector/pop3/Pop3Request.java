package org.atrium.connector.pop3;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One command line split as RFC 1939 §3 and RFC 2449 §4 describe it: a case-insensitive keyword, then arguments
 * separated by spaces.
 *
 * @param verb the keyword in upper case
 * @param rawArgument everything after the first space, untouched: PASS takes it whole, since RFC 1939 §7 lets a
 *     password contain spaces
 * @param arguments the space-separated arguments; runs of spaces and a trailing space are tolerated because some
 *     clients send them and nothing is ambiguous about it
 */
record Pop3Request(String verb, String rawArgument, List<String> arguments) {

    Pop3Request {
        arguments = List.copyOf(arguments);
    }

    static Pop3Request parse(String line) {
        int sp = line.indexOf(' ');
        String verb = (sp < 0 ? line : line.substring(0, sp)).toUpperCase(Locale.ROOT);
        String raw = sp < 0 ? "" : line.substring(sp + 1);
        List<String> args = new ArrayList<>();
        for (String part : raw.split(" ")) {
            if (!part.isEmpty()) {
                args.add(part);
            }
        }
        return new Pop3Request(verb, raw, args);
    }

    /** The first argument; callers have checked the arity. */
    String argument(int index) {
        return arguments.get(index);
    }
}
