package org.atrium.store.domain;

/**
 * The quota values that apply to an account (RFC 9208 §5), each field on its own along the chain account, class of
 * service (ADR 0016), domain default, server default (storage only), and where each came from, so that an
 * administrator sees why a user has the limit he has.
 *
 * <p>A null value at a level means "not set here"; a null at the end of the chain is unlimited (warning level:
 * {@link Quota#DEFAULT_WARN_PERCENT}).
 */
public record QuotaChain(Level bytes, Level messages, Level warnPercent) {

    /** Where an effective value came from. */
    public enum Source {
        ACCOUNT("account"), CLASS_OF_SERVICE("classOfService"), DOMAIN("domain"), SERVER("server"), NONE("none");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        /** The name used in JSON. */
        public String label() {
            return label;
        }
    }

    /** One field's effective value (null: unlimited) and its source. */
    public record Level(Number value, Source source) {
    }

    /**
     * @param cos the account's class of service, or null
     * @param serverBytes the server default storage limit, or null for unlimited
     */
    public static QuotaChain of(Account account, ClassOfService cos, Long serverBytes) {
        Domain d = account.getDomain();
        return of(account.getQuotaBytes(), account.getQuotaMessages(), account.getQuotaWarnPercent(),
                cos == null ? null : cos.getQuotaBytes(), cos == null ? null : cos.getQuotaMessages(),
                cos == null ? null : cos.getQuotaWarnPercent(), d.getQuotaBytes(), d.getQuotaMessages(),
                d.getQuotaWarnPercent(), serverBytes);
    }

    /** The chain from raw values (null: not set at that level). */
    public static QuotaChain of(Long accountBytes, Long accountMessages, Integer accountWarn, Long cosBytes,
            Long cosMessages, Integer cosWarn, Long domainBytes, Long domainMessages, Integer domainWarn,
            Long serverBytes) {
        return new QuotaChain(pick(accountBytes, cosBytes, domainBytes, serverBytes),
                pick(accountMessages, cosMessages, domainMessages, null),
                pick(accountWarn, cosWarn, domainWarn, Quota.DEFAULT_WARN_PERCENT));
    }

    private static Level pick(Number account, Number cos, Number domain, Number server) {
        if (account != null) {
            return new Level(account, Source.ACCOUNT);
        }
        if (cos != null) {
            return new Level(cos, Source.CLASS_OF_SERVICE);
        }
        if (domain != null) {
            return new Level(domain, Source.DOMAIN);
        }
        return server != null ? new Level(server, Source.SERVER) : new Level(null, Source.NONE);
    }

    /** The limits to enforce. */
    public Quota limits() {
        return new Quota(bytes.value() == null ? Quota.NONE : bytes.value().longValue(),
                messages.value() == null ? Quota.NONE : messages.value().longValue());
    }

    /** The warning level in percent. */
    public int effectiveWarnPercent() {
        return warnPercent.value().intValue();
    }
}
