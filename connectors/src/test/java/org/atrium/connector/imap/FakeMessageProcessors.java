package org.atrium.connector.imap;

import java.util.List;
import java.util.Set;

/**
 * Stand-ins for the message-command processors (FETCH, STORE, SEARCH, COPY, EXPUNGE), so that framework tests can
 * run a FETCH-class command and see CONDSTORE/QRESYNC advertised. Each answers only its tagged OK; FETCH, STORE and
 * SEARCH forbid EXPUNGE responses unless UID (RFC 3501 §7.4.1), as the real ones must.
 */
final class FakeMessageProcessors {

    private FakeMessageProcessors() {
    }

    static List<ImapProcessor<?>> all() {
        return List.of(new Fake<>("FETCH", FetchRequest.class, FetchRequest::uid),
                new Fake<>("STORE", StoreRequest.class, StoreRequest::uid),
                new Fake<>("SEARCH", SearchRequest.class, SearchRequest::uid),
                new Fake<>("COPY", CopyRequest.class, r -> true),
                new Fake<>("EXPUNGE", ExpungeRequest.class, r -> true));
    }

    static ImapSessionFactory factory(InMemoryMailStore store) {
        return new ImapSessionFactory(store, ImapSettings.defaults(ImapHarness.HOST), ImapHarness.CLOCK, all());
    }

    private static final class Fake<R extends ImapRequest> extends BaseProcessor<R> {
        private final java.util.function.Predicate<R> expungeAllowed;

        Fake(String name, Class<R> type, java.util.function.Predicate<R> expungeAllowed) {
            super(name, type, ImapState.SELECTED_ONLY);
            this.expungeAllowed = expungeAllowed;
        }

        @Override
        public boolean allowsExpungeResponses(R request) {
            return expungeAllowed.test(request);
        }

        @Override
        public void process(R request, ImapContext ctx) {
            ctx.ok(request.tag(), name() + " completed");
        }
    }

    static final Set<String> NAMES = Set.of("FETCH", "STORE", "SEARCH", "COPY", "EXPUNGE");
}
