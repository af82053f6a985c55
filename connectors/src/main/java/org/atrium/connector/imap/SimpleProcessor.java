package org.atrium.connector.imap;

/**
 * Base of the processors of the argument-less commands ({@link SimpleCommand}), which all parse to
 * {@link SimpleRequest}: the command name is the enum constant's.
 */
abstract class SimpleProcessor implements ImapProcessor<SimpleRequest> {

    private final SimpleCommand command;

    SimpleProcessor(SimpleCommand command) {
        this.command = command;
    }

    @Override
    public final String name() {
        return command.name();
    }

    @Override
    public final Class<SimpleRequest> requestType() {
        return SimpleRequest.class;
    }
}
