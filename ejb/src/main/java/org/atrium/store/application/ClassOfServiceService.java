package org.atrium.store.application;

import jakarta.ejb.Local;
import java.util.List;
import java.util.Optional;

/**
 * Classes of service (issue #6, ADR 0016): named profiles of quota limits and allowed login protocols, assigned to
 * users. A profile's quota sits in the chain account, class of service, domain default, server default (per field);
 * its protocols decide whether a user whose password is right may log in over IMAP, POP3 or SMTP AUTH.
 *
 * <p>Errors are {@link StoreException}s naming the field: INVALID ("name", "description", "quotaBytes",
 * "quotaMessages", "quotaWarnPercent"), CONFLICT ("name") for a name in use or a profile still assigned, NOT_FOUND.
 */
@Local
public interface ClassOfServiceService {

    /** All profiles, by name. */
    List<ClassOfServiceView> classesOfService();

    /** A profile by its name (case-insensitive). */
    Optional<ClassOfServiceView> classOfService(String name);

    /** Creates a profile; CONFLICT ("name") when one has the name. */
    ClassOfServiceView create(ClassOfServiceSpec spec);

    /**
     * Replaces a profile's settings (not its name: {@code spec.name()} must be null or the same name, else INVALID
     * ("name")); NOT_FOUND without the profile. Its users get the new limits and protocols at once (logins already
     * in progress are not cut off).
     */
    ClassOfServiceView update(String name, ClassOfServiceSpec spec);

    /** Deletes a profile; CONFLICT ("name") while users have it, naming how many; NOT_FOUND without it. */
    void remove(String name);

    /**
     * Assigns a profile to an account, or with a null or blank name removes the assignment. NOT_FOUND without the
     * account or the profile.
     */
    AccountDetails assign(String address, String name);

    /**
     * Whether the account's class of service forbids logging in over {@code protocol} ("imap", "pop3", "smtp"). The
     * store's protocol adapters ask this after a successful password check; a refusal is logged as
     * {@code refused: protocol not allowed by class of service <name>} and is no password failure.
     *
     * @param account the canonical address authenticate returned
     * @return the name of the profile that refuses, or empty when the login may go on
     */
    Optional<String> protocolRefusal(String account, String protocol, String clientIp);

    /**
     * Whether the "Public Folders" namespace (ADR 0006) exists for the account: false when its class of service
     * denies the feature (then public folders are neither listed nor reachable by name, and NAMESPACE omits the
     * shared namespace). True for an unknown account (nothing to hide: it reaches nothing anyway).
     */
    boolean mayUsePublicFolders(String account);

    /**
     * Whether the account may itself give others access to its mailbox (self-service grants, SETACL on its own
     * folders): false when its class of service denies delegation. True for an unknown account.
     */
    boolean mayDelegate(String account);
}
