package org.atrium.connector.imap;

/**
 * SETQUOTA (RFC 9208 §4.2.3): limits are set by administrators, not by IMAP users, so it is refused with
 * {@code NO [NOPERM]} (RFC 5530 §3).
 */
public final class SetQuotaProcessor extends BaseProcessor<SetQuotaRequest> {

    public SetQuotaProcessor() {
        super("SETQUOTA", SetQuotaRequest.class, ImapState.AUTHENTICATED_OR_SELECTED);
    }

    @Override
    public void process(SetQuotaRequest request, ImapContext ctx) {
        ctx.no(request.tag(), "NOPERM", "Quota limits are set by the administrator");
    }
}
