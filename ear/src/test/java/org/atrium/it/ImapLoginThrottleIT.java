package org.atrium.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Failed IMAP logins are delayed and counted per address (issue #3), across connections: a password guesser that
 * opens a new connection per guess still slows down. Raw sockets, so what is measured is the server's answer time.
 */
class ImapLoginThrottleIT {

    @Test
    void repeatedFailuresForOneAddressWaitLongerAcrossConnections() throws Exception {
        String pw = "Throttle-" + System.nanoTime();
        String user = AdminClient.newUser("imapthrottle", pw);
        Duration first = failedLogin(user);
        failedLogin(user);
        Duration third = failedLogin(user);
        assertTrue(first.toMillis() >= 900, "first failure answered after " + first);
        assertTrue(third.toMillis() >= 3_500, "third failure answered after " + third + " (expected about 4 s)");
        // The right password still works, and it clears the count: the next failure waits about 1 s again.
        assertTrue(login(user, pw).startsWith("a1 OK"), "login with the right password");
        Duration after = failedLogin(user);
        assertTrue(after.toMillis() < 3_000, "count forgotten after a success, waited " + after);
    }

    private static Duration failedLogin(String user) throws IOException {
        long start = System.nanoTime();
        String reply = login(user, "wrong-password");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(reply.matches("a1 NO \\[AUTHENTICATIONFAILED\\] .*"), reply);
        return took;
    }

    /** RFC 3501 §6.2.3 LOGIN on a new connection; returns the tagged reply. */
    private static String login(String user, String password) throws IOException {
        try (Socket s = new Socket("127.0.0.1", ItEnv.imap())) {
            s.setSoTimeout(20_000);
            var in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = s.getOutputStream();
            String greeting = in.readLine();
            assertTrue(greeting.startsWith("* OK"), greeting);
            out.write(("a1 LOGIN \"" + user + "\" \"" + password + "\"\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String line;
            while ((line = in.readLine()) != null && !line.startsWith("a1 ")) {
                // untagged lines, none expected
            }
            return line == null ? "(connection closed)" : line;
        }
    }
}
