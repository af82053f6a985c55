package org.atrium.connector.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link MailIntake} hosting {@code atrium.test}: alice, bob, postmaster, an alias {@code al} for alice;
 * {@code slow@atrium.test} answers temporarily; other local users are unknown; other domains need relay.
 * {@code folder@atrium.test} is a mail-enabled folder only signed-in senders may post to, {@code full@atrium.test} one
 * that is full. Submission: alice's password is {@code secret}; bob granted alice send-as, carol (not hosted)
 * granted alice send-on-behalf; {@code broken} makes authentication fail in the store.
 */
final class FakeIntake implements MailIntake {

    record Accepted(InboundEnvelope envelope, byte[] content, long size) {
        String text() {
            return new String(content, StandardCharsets.ISO_8859_1);
        }
    }

    final List<Accepted> accepted = new ArrayList<>();
    final List<String> checked = new ArrayList<>();
    final Map<String, String> users = new HashMap<>(Map.of("alice@atrium.test", "alice@atrium.test",
            "al@atrium.test", "alice@atrium.test", "bob@atrium.test", "bob@atrium.test", "postmaster",
            "postmaster@atrium.test"));
    /** Thrown by the next {@link #accept}, once. */
    Exception failNext;
    /** Whether the content's second open() yielded the same bytes as the first. */
    boolean reopenConsistent = true;
    private int queue;

    /** The SMTP AUTH identity each three-argument check was made with. */
    final List<String> checkedAs = new ArrayList<>();

    /** The logins authentication was tried with, and the passwords, to check nothing else sees them. */
    final List<String> authTried = new ArrayList<>();
    final Set<String> sendAs = Set.of("alice@atrium.test>bob@atrium.test");
    final Set<String> sendOnBehalf = Set.of("alice@atrium.test>carol@atrium.test");

    /** Accounts whose class of service refuses this protocol (ADR 0016), with the profile's name. */
    final java.util.Map<String, String> refusedByProfile = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public Optional<String> loginRefusal(String account, String clientIp) {
        return Optional.ofNullable(refusedByProfile.get(account));
    }

    @Override
    public Optional<String> authenticate(String login, String password, String clientIp) {
        authTried.add(login);
        if (login.equals("broken")) {
            throw new IllegalStateException("directory down");
        }
        String user = users.get(login.toLowerCase(Locale.ROOT));
        return "alice@atrium.test".equals(user) && password.equals("secret") ? Optional.of(user) : Optional.empty();
    }

    private boolean own(String user, String address) {
        return user.equals(users.get(address.toLowerCase(Locale.ROOT)));
    }

    @Override
    public boolean mayUseSender(String user, String address) {
        String key = user + ">" + address.toLowerCase(Locale.ROOT);
        return own(user, address) || sendAs.contains(key) || sendOnBehalf.contains(key);
    }

    @Override
    public boolean mayUseFrom(String user, List<String> fromAddresses, String senderAddress) {
        for (String from : fromAddresses) {
            String key = user + ">" + from.toLowerCase(Locale.ROOT);
            boolean ok = own(user, from) || sendAs.contains(key)
                    || sendOnBehalf.contains(key) && senderAddress != null && own(user, senderAddress);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @Override
    public RecipientCheck checkRecipient(String forwardPath, boolean relayPermitted, String authenticatedUser,
            String reversePath) {
        return checkRecipient(forwardPath, relayPermitted, authenticatedUser);
    }

    /** EXPN: {@code team@atrium.test} is a list of alice (with a display name) and bob. */
    @Override
    public List<String> expand(String address) {
        if (address.equalsIgnoreCase("team@atrium.test")) {
            return List.of("Alice Example <alice@atrium.test>", "bob@atrium.test");
        }
        return List.of();
    }

    @Override
    public RecipientCheck checkRecipient(String forwardPath, boolean relayPermitted, String authenticatedUser) {
        checkedAs.add(String.valueOf(authenticatedUser));
        String key = forwardPath.toLowerCase(Locale.ROOT);
        if (key.equals("folder@atrium.test")) {
            checked.add(forwardPath);
            return authenticatedUser != null ? RecipientCheck.accept(key)
                    : RecipientCheck.of(RecipientCheck.Outcome.POST_DENIED);
        }
        if (key.equals("gone@atrium.test")) {
            checked.add(forwardPath);
            return RecipientCheck.of(RecipientCheck.Outcome.DISABLED);
        }
        if (key.equals("full@atrium.test")) {
            checked.add(forwardPath);
            return RecipientCheck.of(RecipientCheck.Outcome.MAILBOX_FULL);
        }
        return checkRecipient(forwardPath, relayPermitted);
    }

    @Override
    public RecipientCheck checkRecipient(String forwardPath, boolean relayPermitted) {
        checked.add(forwardPath);
        String key = forwardPath.toLowerCase(Locale.ROOT);
        if (key.equals("slow@atrium.test")) {
            return RecipientCheck.of(RecipientCheck.Outcome.TEMPORARY_FAILURE);
        }
        if (users.containsKey(key)) {
            return RecipientCheck.accept(users.get(key));
        }
        if (key.endsWith("@atrium.test")) {
            return RecipientCheck.of(RecipientCheck.Outcome.UNKNOWN_USER);
        }
        return relayPermitted ? RecipientCheck.accept(forwardPath)
                : RecipientCheck.of(RecipientCheck.Outcome.RELAY_DENIED);
    }

    @Override
    public String accept(InboundEnvelope envelope, MessageData content) throws IntakeException {
        if (failNext != null) {
            Exception e = failNext;
            failNext = null;
            if (e instanceof IntakeException ie) {
                throw ie;
            }
            throw (RuntimeException) e;
        }
        byte[] bytes = read(content);
        reopenConsistent &= java.util.Arrays.equals(bytes, read(content));
        accepted.add(new Accepted(envelope, bytes, content.size()));
        return "Q" + (++queue);
    }

    private static byte[] read(MessageData content) {
        try (InputStream in = content.open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
