package org.atrium.connector.imap;

import java.util.Set;

/** Holds the declarations every processor makes: its command name, request type and valid states. */
abstract class BaseProcessor<R extends ImapRequest> implements ImapProcessor<R> {

    private final String name;
    private final Class<R> requestType;
    private final Set<ImapState> validIn;

    BaseProcessor(String name, Class<R> requestType, Set<ImapState> validIn) {
        this.name = name;
        this.requestType = requestType;
        this.validIn = validIn;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Class<R> requestType() {
        return requestType;
    }

    @Override
    public final Set<ImapState> validIn() {
        return validIn;
    }
}
