package org.atrium.connector.pop3;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.atrium.connector.net.ConnectionInfo;
import org.atrium.connector.net.Line;
import org.atrium.connector.net.LineAssembler;
import org.atrium.connector.net.ProtocolSession;
import org.atrium.connector.net.RecordingOutput;

/** One client connection to a session, driven the way the Netty host drives it. */
final class Pop3Harness {

    static final String HOST = "mail.example.org";

    final RecordingOutput out = new RecordingOutput();
    final ProtocolSession session;
    private final LineAssembler assembler;

    Pop3Harness(FakeMaildropPort port) {
        this(port, new Pop3Settings(HOST, 600, 255, 40, 3, 0, "Atrium"));
    }

    Pop3Harness(FakeMaildropPort port, Pop3Settings settings) {
        ConnectionInfo info = new ConnectionInfo(new InetSocketAddress("192.0.2.7", 40123),
                new InetSocketAddress("192.0.2.1", 110), HOST, false, "s42");
        session = new Pop3SessionFactory(port, settings).create(info, out);
        // As the host does: the limit is read before every line.
        assembler = new LineAssembler(session.maxLineLength(), line -> {
            session.onLine(line);
            assembler().maxLength(session.maxLineLength());
        });
        session.start();
    }

    private LineAssembler assembler() {
        return assembler;
    }

    /** The greeting and anything else sent so far. */
    List<String> drain() {
        return out.drainLines();
    }

    /** Sends one command line terminated by CRLF; returns the reply lines. */
    List<String> send(String line) {
        session.onLine(new Line(line.getBytes(StandardCharsets.UTF_8), Line.Ending.CRLF));
        return out.drainLines();
    }

    /** Feeds raw bytes through a real {@link LineAssembler}, one byte at a time. */
    List<String> type(String bytes) {
        for (byte b : bytes.getBytes(StandardCharsets.ISO_8859_1)) {
            assembler.feed(new byte[] {b});
        }
        return out.drainLines();
    }

    /** USER and PASS; returns the PASS reply. */
    String login(String user, String password) {
        send("USER " + user);
        return send("PASS " + password).get(0);
    }
}
