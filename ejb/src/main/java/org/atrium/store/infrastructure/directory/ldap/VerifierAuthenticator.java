package org.atrium.store.infrastructure.directory.ldap;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.directory.api.ldap.model.constants.AuthenticationLevel;
import org.apache.directory.api.ldap.model.entry.Attribute;
import org.apache.directory.api.ldap.model.entry.Entry;
import org.apache.directory.api.ldap.model.exception.LdapAuthenticationException;
import org.apache.directory.api.ldap.model.exception.LdapException;
import org.apache.directory.api.ldap.model.name.Dn;
import org.apache.directory.server.core.api.LdapPrincipal;
import org.apache.directory.server.core.api.interceptor.context.BindOperationContext;
import org.apache.directory.server.core.authn.AbstractAuthenticator;

/**
 * Simple-bind authenticator for DNs below the GAL suffix: looks the entry up, takes its primary {@code mail} and
 * delegates the password check to the {@link BindVerifier}. Entries carry no userPassword. The admin
 * ({@code uid=admin,ou=system}) keeps ApacheDS's own SimpleAuthenticator, selected by its base DN.
 */
final class VerifierAuthenticator extends AbstractAuthenticator {

    private final BindVerifier verifier;

    VerifierAuthenticator(Dn suffix, BindVerifier verifier) {
        super(AuthenticationLevel.SIMPLE, suffix);
        this.verifier = verifier;
    }

    @Override
    public LdapPrincipal authenticate(BindOperationContext bindContext) throws LdapException {
        Dn dn = bindContext.getDn();
        byte[] credentials = bindContext.getCredentials();
        if (dn == null || credentials == null || credentials.length == 0) {
            throw new LdapAuthenticationException("invalid credentials");
        }
        Entry entry;
        try {
            entry = getDirectoryService().getAdminSession().lookup(dn, "mail");
        } catch (LdapException e) {
            entry = null;
        }
        Attribute mail = entry == null ? null : entry.get("mail");
        if (mail == null) {
            throw new LdapAuthenticationException("invalid credentials");
        }
        char[] password = decode(credentials);
        boolean ok;
        try {
            ok = password != null && verifier.verify(mail.getString(), password);
        } catch (RuntimeException e) {
            LOG.warn("bind verifier failed for {}", dn, e);
            ok = false;
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
        if (!ok) {
            throw new LdapAuthenticationException("invalid credentials");
        }
        return new LdapPrincipal(getDirectoryService().getSchemaManager(), dn, AuthenticationLevel.SIMPLE);
    }

    private static char[] decode(byte[] bytes) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            char[] result = new char[chars.remaining()];
            chars.get(result);
            Arrays.fill(chars.array(), '\0');
            return result;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
