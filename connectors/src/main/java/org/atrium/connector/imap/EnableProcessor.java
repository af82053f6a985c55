package org.atrium.connector.imap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * ENABLE (RFC 5161 §3.1): turns on CONDSTORE and QRESYNC (RFC 7162 §3.1, §3.2.3; QRESYNC implies CONDSTORE),
 * IMAP4rev2 (RFC 9051 §6.3.1, §7.2.1: {@code * ENABLED IMAP4rev2}), and UTF8=ACCEPT (RFC 6855 §3) once it is
 * advertised. Names match case-insensitively and are answered in their advertised spelling. {@code * ENABLED} lists
 * the extensions newly enabled by this command; unknown or unadvertised names are ignored as §3.1 requires.
 */
public final class EnableProcessor extends BaseProcessor<EnableRequest> {

    /** Upper-case name (as the parser returns it) to the advertised spelling. */
    private static final Map<String, String> KNOWN = Map.of(
            ImapContext.CONDSTORE, ImapContext.CONDSTORE,
            ImapContext.QRESYNC, ImapContext.QRESYNC,
            ImapContext.UTF8_ACCEPT, ImapContext.UTF8_ACCEPT,
            ImapContext.IMAP4REV2.toUpperCase(Locale.ROOT), ImapContext.IMAP4REV2);

    public EnableProcessor() {
        super("ENABLE", EnableRequest.class, ImapState.AUTHENTICATED_ONLY);
    }

    @Override
    public void process(EnableRequest request, ImapContext ctx) {
        Set<String> before = ctx.enabledExtensions();
        List<String> asked = new ArrayList<>();
        for (String name : request.capabilities()) {
            String cap = KNOWN.get(name);
            // Only what is advertised: UTF8=ACCEPT is known but not offered yet, so it stays off.
            if (cap != null && ctx.capabilities().contains(cap)) {
                ctx.enable(cap);
                asked.add(cap);
            }
        }
        List<String> now = new ArrayList<>();
        for (String cap : asked) {
            // "ENABLE QRESYNC CONDSTORE" lists both, although QRESYNC already turned CONDSTORE on (RFC 7162 §3.2.3).
            if (ctx.enabled(cap) && !before.contains(cap) && !now.contains(cap)) {
                now.add(cap);
            }
        }
        ctx.untagged(now.isEmpty() ? "ENABLED" : "ENABLED " + String.join(" ", now));
        ctx.ok(request.tag(), "ENABLE completed");
    }
}
