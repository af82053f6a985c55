package org.atrium.connector.imap;

import java.util.List;

/**
 * The processors of the connection, authentication and mailbox commands (RFC 3501 §6.1-§6.3, §6.4.1-§6.4.2 and the
 * extensions of those states). Message commands are in {@link MessageProcessors}.
 */
final class SessionProcessors {

    private SessionProcessors() {
    }

    static List<ImapProcessor<?>> all() {
        return List.of(
                // RFC 3501 §6.1: any state
                new CapabilityProcessor(), new NoopProcessor(), new LogoutProcessor(), new IdProcessor(),
                // §6.2: not authenticated
                new StartTlsProcessor(), new LoginProcessor(), new AuthenticateProcessor(),
                // §6.3: authenticated
                new EnableProcessor(), new SelectProcessor(), new ExamineProcessor(), new CreateProcessor(),
                new DeleteProcessor(), new RenameProcessor(), new SubscribeProcessor(), new UnsubscribeProcessor(),
                new ListProcessor(), new LsubProcessor(), new NamespaceProcessor(), new StatusProcessor(),
                new AppendProcessor(), new IdleProcessor(), new GetQuotaProcessor(), new GetQuotaRootProcessor(),
                new SetQuotaProcessor(),
                // RFC 4314 §3: ACL commands, authenticated and selected
                new SetAclProcessor(), new DeleteAclProcessor(), new GetAclProcessor(), new ListRightsProcessor(),
                new MyRightsProcessor(),
                // §6.4: selected
                new CheckProcessor(), new CloseProcessor(), new UnselectProcessor());
    }
}
