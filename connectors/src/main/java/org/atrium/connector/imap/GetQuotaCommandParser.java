package org.atrium.connector.imap;

/** {@code getquota = "GETQUOTA" SP quota-root-name}, {@code quota-root-name = astring} (RFC 9208 §7). */
public final class GetQuotaCommandParser implements ImapCommandParser {
    @Override
    public ImapRequest parse(String tag, ImapArgumentParser args) throws ImapSyntaxException {
        args.sp();
        String root = args.astring();
        args.end();
        return new GetQuotaRequest(tag, root);
    }
}
