package org.atrium.connector.pop3;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.atrium.connector.net.ConnectionInfo;
import org.atrium.connector.net.ProtocolSession;
import org.atrium.connector.net.RecordingOutput;
import org.atrium.connector.net.SessionDriver;

/** One client connection to a session, driven the way the Netty host drives it. */
final class Pop3Harness {

    static final String HOST = "mail.example.org";

    final RecordingOutput out;
    final ProtocolSession session;
    private final SessionDriver driver;

    Pop3Harness(FakeMaildropPort port) {
        this(port, new Pop3Settings(HOST, 600, 255, 40, 3, 0, "Atrium"));
    }

    Pop3Harness(FakeMaildropPort port, Pop3Settings settings) {
        this(port, settings, false);
    }

    /** @param tls whether the listener has a TLS context, so that STLS is offered (RFC 2595 §4) */
    Pop3Harness(FakeMaildropPort port, Pop3Settings settings, boolean tls) {
        out = tls ? new RecordingOutput().withTls() : new RecordingOutput();
        ConnectionInfo info = new ConnectionInfo(new InetSocketAddress("192.0.2.7", 40123),
                new InetSocketAddress("192.0.2.1", 110), HOST, false, "s42");
        session = new Pop3SessionFactory(port, settings).create(info, out);
        driver = new SessionDriver(session, out);
    }

    /** The greeting and anything else sent so far. */
    List<String> drain() {
        return driver.drain();
    }

    /** Sends one command line terminated by CRLF; returns the reply lines. */
    List<String> send(String line) {
        return driver.send(line);
    }

    /** Feeds raw bytes one at a time, as {@link SessionDriver#feedByteByByte} does. */
    List<String> type(String bytes) {
        return driver.type(bytes.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** USER and PASS; returns the PASS reply. */
    String login(String user, String password) {
        send("USER " + user);
        return send("PASS " + password).get(0);
    }
}
