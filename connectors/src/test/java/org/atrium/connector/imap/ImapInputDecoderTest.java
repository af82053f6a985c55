package org.atrium.connector.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.atrium.connector.imap.ImapRequestReader.Step;
import org.junit.jupiter.api.Test;

class ImapInputDecoderTest {

    private static final String INPUT = "a1 LOGIN {4+}\r\nuser {6+}\r\np\r\ns\0x ~{3}\r\n\0\n\r\r\na2 NOOP\r\n"
            + "a3 APPEND INBOX {12+}\r\nx\r\ny {2}\r\nz\r\n\r\nz0 LOGIN {99+}\r\n" + "q".repeat(99) + " x\r\n"
            + "a4 SELECT {5}\r\nINBOX (CONDSTORE)\r\n";

    private static List<String> run(byte[] bytes, Random rnd) {
        List<String> out = new ArrayList<>();
        ImapInputDecoder d = new ImapInputDecoder(new ImapRequestLimits(64, 50, 50, 100, 5, 4), s -> {
            if (s instanceof Step.Complete c) {
                StringBuilder sb = new StringBuilder(c.command().toString());
                for (ImapCommandLine.Literal l : c.command().literals()) {
                    sb.append('|').append(new String(l.data(), StandardCharsets.ISO_8859_1));
                }
                out.add(sb.toString());
            } else {
                out.add(s.toString());
            }
        });
        int i = 0;
        while (i < bytes.length) {
            int n = rnd == null ? bytes.length : 1 + rnd.nextInt(Math.min(12, bytes.length - i));
            d.feed(bytes, i, n);
            i += n;
        }
        return out;
    }

    @Test
    void framingIsIndependentOfFragmentation() {
        byte[] bytes = INPUT.getBytes(StandardCharsets.ISO_8859_1);
        List<String> whole = run(bytes, null);
        assertEquals(List.of("NeedLiteral[octets=4, synchronizing=false]", "NeedLiteral[octets=6, synchronizing=false]",
                "NeedLiteral[octets=3, synchronizing=true]", "a1 LOGIN {4} {6} ~{3}|user|p\r\ns\0x|\0\n\r",
                "a2 NOOP", "NeedLiteral[octets=12, synchronizing=false]",
                // the literal's own "{2}" is data, and its 12th octet is the CR, so a bare LF ends the command
                "a3 APPEND INBOX {12}|x\r\ny {2}\r\nz\r", "TooBig[tag=z0, octets=99, synchronizing=false]",
                "NeedLiteral[octets=5, synchronizing=true]", "a4 SELECT {5} (CONDSTORE)|INBOX"), whole);
        Random rnd = new Random(3);
        for (int round = 0; round < 300; round++) {
            assertEquals(whole, run(bytes, rnd), "round " + round);
        }
    }

    @Test
    void fatalStopsTheInput() {
        List<Step> steps = new ArrayList<>();
        ImapInputDecoder d = new ImapInputDecoder(new ImapRequestLimits(16, 10, 10, 100, 5, 4), steps::add);
        byte[] b = ("a NOOP " + "x".repeat(40) + "\r\nb NOOP\r\n").getBytes(StandardCharsets.US_ASCII);
        d.feed(b, 0, b.length);
        assertEquals(1, steps.size());
        assertInstanceOf(Step.Fatal.class, steps.get(0));
        assertTrue(d.failed());
    }
}
