package org.atrium.connector.pop3;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.atrium.connector.net.ConnectionInfo;
import org.atrium.connector.net.ProtocolSession;
import org.atrium.connector.net.SessionFactory;
import org.atrium.connector.net.SessionOutput;

/**
 * Creates a {@link Pop3Session} (RFC 1939) per accepted connection. The command registry is built once here and
 * shared: commands are stateless, so one instance of each serves every session.
 */
public final class Pop3SessionFactory implements SessionFactory {

    private final MaildropPort port;
    private final Pop3Settings settings;
    private final Map<String, Pop3Command> commands;

    public Pop3SessionFactory(MaildropPort port, Pop3Settings settings) {
        this.port = Objects.requireNonNull(port, "port");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.commands = List.of(new UserCommand(), new PassCommand(), new QuitCommand(), new StatCommand(),
                new ListCommand(), new RetrCommand(), new DeleCommand(), new NoopCommand(), new RsetCommand(),
                new TopCommand(), new UidlCommand(), new CapaCommand(), new StlsCommand())
                .stream()
                .collect(Collectors.toUnmodifiableMap(Pop3Command::verb, Function.identity()));
    }

    @Override
    public ProtocolSession create(ConnectionInfo connection, SessionOutput output) {
        return new Pop3Session(connection, output, port, settings, commands);
    }
}
