package org.atrium.store.infrastructure.directory.ldap;

import java.util.function.Function;

import org.apache.directory.api.ldap.model.message.BindRequest;
import org.apache.directory.api.ldap.model.name.Dn;
import org.apache.directory.server.ldap.LdapSession;
import org.apache.directory.server.ldap.handlers.request.BindRequestHandler;

/**
 * Lets clients bind with a mail address instead of a DN: a simple-bind name that is not a DN but looks like an
 * address is resolved to the entry that has it as {@code mail} or {@code atriumMailAlias}. Unknown addresses are
 * mapped to a DN that does not exist below the suffix so that they fail exactly like a wrong password.
 */
final class MailBindRequestHandler extends BindRequestHandler {

    private final Function<String, Dn> resolver;
    private final Dn unknown;

    MailBindRequestHandler(Function<String, Dn> resolver, Dn unknown) {
        this.resolver = resolver;
        this.unknown = unknown;
    }

    @Override
    public void handleSimpleAuth(LdapSession ldapSession, BindRequest bindRequest) throws Exception {
        String name = bindRequest.getName();
        if (name != null && name.indexOf('@') > 0 && name.indexOf('=') < 0) {
            Dn dn = resolver.apply(name.strip());
            bindRequest.setDn(dn == null ? unknown : dn);
        }
        super.handleSimpleAuth(ldapSession, bindRequest);
    }
}
