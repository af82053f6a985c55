package org.atrium.connector.imap;

import java.util.List;

/**
 * The processors of the message commands of SELECTED state (RFC 3501 §6.4: FETCH, STORE, SEARCH, COPY, EXPUNGE; UID
 * variants §6.4.8, RFC 4315; MOVE RFC 6851; SORT and THREAD RFC 5256), kept apart from {@link SessionProcessors} so
 * both lists grow without touching each other. A command listed here also switches on its capabilities
 * ({@link ImapCapabilities}): with these, UIDPLUS, MOVE,
 * CONDSTORE, QRESYNC, ESEARCH, SEARCHRES, SORT and THREAD=ORDEREDSUBJECT/REFERENCES.
 */
final class MessageProcessors {

    private MessageProcessors() {
    }

    static List<ImapProcessor<?>> all() {
        return List.of(new FetchProcessor(), new StoreProcessor(), new SearchProcessor(), new CopyProcessor(),
                new MoveProcessor(), new ExpungeProcessor(), new SortProcessor(), new ThreadProcessor());
    }
}
