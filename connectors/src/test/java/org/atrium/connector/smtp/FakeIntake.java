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

/**
 * A {@link MailIntake} hosting {@code atrium.test}: alice, bob, postmaster, an alias {@code al} for alice;
 * {@code slow@atrium.test} answers temporarily; other local users are unknown; other domains need relay.
 * {@code folder@atrium.test} is a mail-enabled folder only signed-in senders may post to, {@code full@atrium.test} one
 * that is full.
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
