package org.atrium.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Raw-socket regression test: a client that opens several connections at once (as mail clients do) logs in on each
 * concurrently. Every login is answered for what it is — the first gets the maildrop, the others [IN-USE]
 * (RFC 2449 §8.1.2) — and none fails with [SYS/TEMP] because two logins updated the account at the same moment.
 */
class ConcurrentLoginIT {

    @Test
    void simultaneousLoginsOfOneUserNeverFailInternally() throws Exception {
        String pw = "Pw-" + UUID.randomUUID();
        String user = AdminClient.newUser("conc", pw);
        int n = 8;
        CyclicBarrier start = new CyclicBarrier(n);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<String>> replies = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                replies.add(pool.submit(() -> {
                    try (Socket s = new Socket(ItEnv.HOST, ItEnv.pop3())) {
                        s.setSoTimeout(30_000);
                        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                                StandardCharsets.US_ASCII));
                        OutputStream out = s.getOutputStream();
                        in.readLine();
                        out.write(("USER " + user + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        in.readLine();
                        start.await();
                        out.write(("PASS " + pw + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        String reply = in.readLine();
                        Thread.sleep(300); // hold the maildrop while the others try
                        out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        in.readLine();
                        return reply;
                    }
                }));
            }
            int ok = 0;
            for (Future<String> f : replies) {
                String r = f.get();
                assertTrue(r.startsWith("+OK") || r.startsWith("-ERR [IN-USE]"), "unexpected reply: " + r);
                ok += r.startsWith("+OK") ? 1 : 0;
            }
            assertTrue(ok >= 1, "someone must get the maildrop");
        } finally {
            pool.shutdown();
        }
        assertEquals(0, MailTools.pop3Count(user, pw));
    }
}
