package org.atrium.connector.pop3;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An in-memory store: accounts with passwords and maildrops, a lock per maildrop, and switchable failures. */
final class FakeMaildropPort implements MaildropPort {

    private final Map<String, String> passwords = new HashMap<>();
    private final Map<String, FakeMaildrop> maildrops = new HashMap<>();
    final List<String> authenticatedIps = new ArrayList<>();
    RuntimeException authFailure;
    RuntimeException openFailure;

    FakeMaildrop addAccount(String user, String password) {
        passwords.put(user, password);
        FakeMaildrop md = new FakeMaildrop();
        maildrops.put(user, md);
        return md;
    }

    /** Accounts whose class of service refuses this protocol (ADR 0016), with the profile's name. */
    final java.util.Map<String, String> refusedByProfile = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public Optional<String> loginRefusal(String account, String clientIp) {
        return Optional.ofNullable(refusedByProfile.get(account));
    }

    @Override
    public Optional<String> authenticate(String user, String password, String clientIp) {
        if (authFailure != null) {
            throw authFailure;
        }
        authenticatedIps.add(clientIp);
        return password.equals(passwords.get(user)) ? Optional.of(user) : Optional.empty();
    }

    @Override
    public Maildrop open(String account) throws MaildropBusyException {
        if (openFailure != null) {
            throw openFailure;
        }
        FakeMaildrop md = maildrops.get(account);
        if (md.locked) {
            throw new MaildropBusyException(account);
        }
        md.locked = true;
        md.opens++;
        return md;
    }
}
