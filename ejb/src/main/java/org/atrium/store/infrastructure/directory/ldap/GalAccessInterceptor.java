package org.atrium.store.infrastructure.directory.ldap;

import org.apache.directory.api.ldap.model.entry.Entry;
import org.apache.directory.api.ldap.model.entry.Value;
import org.apache.directory.api.ldap.model.filter.AndNode;
import org.apache.directory.api.ldap.model.filter.EqualityNode;
import org.apache.directory.api.ldap.model.filter.ExprNode;
import org.apache.directory.api.ldap.model.filter.NotNode;
import org.apache.directory.api.ldap.model.filter.ObjectClassNode;
import org.apache.directory.api.ldap.model.filter.PresenceNode;
import org.apache.directory.api.ldap.model.schema.AttributeType;
import org.apache.directory.api.ldap.model.exception.LdapException;
import org.apache.directory.api.ldap.model.exception.LdapNoPermissionException;
import org.apache.directory.api.ldap.model.message.SearchScope;
import org.apache.directory.api.ldap.model.name.Dn;
import org.apache.directory.server.core.api.CoreSession;
import org.apache.directory.server.core.api.filtering.EntryFilter;
import org.apache.directory.server.core.api.filtering.EntryFilteringCursor;
import org.apache.directory.server.core.api.interceptor.BaseInterceptor;
import org.apache.directory.server.core.api.interceptor.context.AddOperationContext;
import org.apache.directory.server.core.api.interceptor.context.CompareOperationContext;
import org.apache.directory.server.core.api.interceptor.context.DeleteOperationContext;
import org.apache.directory.server.core.api.interceptor.context.ModifyOperationContext;
import org.apache.directory.server.core.api.interceptor.context.MoveAndRenameOperationContext;
import org.apache.directory.server.core.api.interceptor.context.MoveOperationContext;
import org.apache.directory.server.core.api.interceptor.context.OperationContext;
import org.apache.directory.server.core.api.interceptor.context.RenameOperationContext;
import org.apache.directory.server.core.api.interceptor.context.SearchOperationContext;
import org.atrium.directory.schema.AtriumSchema;

/**
 * The GAL's access policy, kept deliberately small instead of ApacheDS ACIs: only the administrator session
 * (the GAL server itself, or {@code uid=admin,ou=system}) writes; everybody else (authenticated users, and
 * anonymous clients when anonymous access is enabled) may only read the rootDSE, the subschema entry and the
 * entries below the suffix, never sees entries marked {@code atriumHideFromGal: TRUE}, and never sees
 * {@code ou=system}. Whether anonymous clients get this far is decided by ApacheDS's
 * {@code allowAnonymousAccess}, which the server sets from its configuration.
 */
final class GalAccessInterceptor extends BaseInterceptor {

    static final String NAME = "atriumGalAccessInterceptor";

    private final Dn suffix;
    private final Dn subschema;

    GalAccessInterceptor(Dn suffix, Dn subschema) {
        super(NAME);
        this.suffix = suffix;
        this.subschema = subschema;
    }

    private static boolean privileged(OperationContext ctx) {
        CoreSession session = ctx.getSession();
        return session == null || session.isAdministrator();
    }

    private static LdapNoPermissionException readOnly() {
        return new LdapNoPermissionException("the global address list is read-only");
    }

    @Override
    public void add(AddOperationContext ctx) throws LdapException {
        if (!privileged(ctx)) {
            throw readOnly();
        }
        next(ctx);
    }

    @Override
    public void delete(DeleteOperationContext ctx) throws LdapException {
        if (!privileged(ctx)) {
            throw readOnly();
        }
        next(ctx);
    }

    @Override
    public void modify(ModifyOperationContext ctx) throws LdapException {
        if (!privileged(ctx)) {
            throw readOnly();
        }
        next(ctx);
    }

    @Override
    public void move(MoveOperationContext ctx) throws LdapException {
        if (!privileged(ctx)) {
            throw readOnly();
        }
        next(ctx);
    }

    @Override
    public void moveAndRename(MoveAndRenameOperationContext ctx) throws LdapException {
        if (!privileged(ctx)) {
            throw readOnly();
        }
        next(ctx);
    }

    @Override
    public void rename(RenameOperationContext ctx) throws LdapException {
        if (!privileged(ctx)) {
            throw readOnly();
        }
        next(ctx);
    }

    @Override
    public boolean compare(CompareOperationContext ctx) throws LdapException {
        if (!privileged(ctx) && !suffix.isAncestorOf(ctx.getDn())) {
            throw new LdapNoPermissionException("outside the global address list");
        }
        return next(ctx);
    }

    @Override
    public EntryFilteringCursor search(SearchOperationContext ctx) throws LdapException {
        if (privileged(ctx)) {
            return next(ctx);
        }
        Dn base = ctx.getDn();
        boolean rootDse = base.isEmpty() && ctx.getScope() == SearchScope.OBJECT;
        if (rootDse || base.equals(subschema)) {
            return next(ctx);
        }
        if (!suffix.isAncestorOf(base) && !base.isAncestorOf(suffix)) {
            throw new LdapNoPermissionException("outside the global address list");
        }
        // hidden entries are excluded in the filter itself, so it works whatever attributes the client asked for
        AttributeType hide = ctx.getSession().getDirectoryService().getSchemaManager()
                .lookupAttributeTypeRegistry(AtriumSchema.AT_HIDE_FROM_GAL);
        ExprNode filter = ctx.getFilter();
        if (filter instanceof ObjectClassNode) {
            // the normalizer's "match everything" node cannot be nested: spell it out
            filter = new PresenceNode(ctx.getSession().getDirectoryService().getSchemaManager()
                    .lookupAttributeTypeRegistry("objectClass"));
        }
        ctx.setFilter(new AndNode(filter, new NotNode(new EqualityNode<>(hide, new Value(hide, "TRUE")))));
        EntryFilteringCursor cursor = next(ctx);
        cursor.addEntryFilter(new GalEntryFilter(suffix));
        return cursor;
    }

    /** Drops entries outside the suffix (a search from the root would otherwise reach ou=system). */
    private static final class GalEntryFilter implements EntryFilter {
        private final Dn suffix;

        GalEntryFilter(Dn suffix) {
            this.suffix = suffix;
        }

        @Override
        public boolean accept(SearchOperationContext ctx, Entry entry) throws LdapException {
            return suffix.isAncestorOf(entry.getDn());
        }

        @Override
        public String toString(String tabs) {
            return tabs + "GalEntryFilter";
        }
    }
}
