package org.atrium.connector.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.atrium.connector.net.Line;
import org.atrium.connector.net.ProtocolSession;
import org.atrium.connector.net.SessionOutput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host's TLS over real sockets: the self-signed keystore generated with keytool, a STARTTLS switch after which
 * the first command answered is the first one sent under TLS (bytes pipelined in plaintext are discarded, the
 * STARTTLS command injection class), and an implicit-TLS listener (RFC 8314).
 */
class StartTlsHostTest {

    /** Echoes each line; {@code STARTTLS} answers {@code 220 go} and switches; TLS events are recorded. */
    private static final class EchoSession implements ProtocolSession {
        private final SessionOutput out;
        final List<String> tls;

        EchoSession(SessionOutput out, List<String> tls) {
            this.out = out;
            this.tls = tls;
        }

        @Override
        public void start() {
            out.send("hello " + out.startTlsAvailable());
            out.flush();
        }

        @Override
        public void onLine(Line line) {
            if (line.text().equals("STARTTLS")) {
                out.startTls();
                out.send("220 go");
                out.flush();
                return;
            }
            out.send("echo " + line.text() + " " + out.startTlsAvailable());
            out.flush();
        }

        @Override
        public void onTlsEstablished(String protocol, String cipherSuite) {
            tls.add(protocol);
        }

        @Override
        public void onIdle() {
        }

        @Override
        public void onClose() {
        }

        @Override
        public int maxLineLength() {
            return 1000;
        }

        @Override
        public int idleTimeoutSeconds() {
            return 0;
        }
    }

    @TempDir
    Path dir;

    private final List<String> tlsEvents = new CopyOnWriteArrayList<>();
    private EventLoopGroup group;
    private ExecutorService pool;
    private SslContext context;

    @BeforeEach
    void setUp() throws Exception {
        HostSettings s = new HostSettings("mail.atrium.test", "127.0.0.1", 0, 0, 0, 0, 0, 0, 0, false, 1000, dir, null,
                "");
        context = ServerTls.context(s);
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        pool = Executors.newCachedThreadPool();
    }

    @AfterEach
    void tearDown() throws Exception {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        pool.shutdownNow();
    }

    private int listen(boolean implicit) throws InterruptedException {
        Channel server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (implicit) {
                            ch.pipeline().addLast("tls", context.newHandler(ch.alloc(), pool));
                        }
                        ch.pipeline().addLast("session", new LineProtocolHandler(
                                (info, out) -> new EchoSession(out, tlsEvents), pool, "h", context, implicit));
                    }
                }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    private static SSLContext trustAll() throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        return ctx;
    }

    private static BufferedReader reader(Socket s) throws Exception {
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
    }

    @Test
    void selfSignedKeystoreIsGeneratedOnceWithItsPasswordOwnerOnly() throws Exception {
        Path ks = dir.resolve("tls").resolve(ServerTls.SELF_SIGNED);
        Path pw = dir.resolve("tls").resolve(ServerTls.SELF_SIGNED_PASSWORD);
        assertTrue(Files.isRegularFile(ks) && Files.isRegularFile(pw));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(pw)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(ks)));
        byte[] before = Files.readAllBytes(ks);
        ServerTls.context(new HostSettings("h", "127.0.0.1", 0, 0, 0, 0, 0, 0, 0, false, 1, dir, null, ""));
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(ks)), "kept, not regenerated");
    }

    @Test
    void commandsPipelinedAfterStartTlsAreNeverExecuted() throws Exception {
        int port = listen(false);
        try (Socket plain = new Socket("127.0.0.1", port)) {
            plain.setSoTimeout(10_000);
            BufferedReader in = reader(plain);
            assertEquals("hello true", in.readLine());
            OutputStream out = plain.getOutputStream();
            out.write("STARTTLS\r\nRSET\r\nQUIT\r\npartial".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertEquals("220 go", in.readLine());
            SSLSocket tls = (SSLSocket) trustAll().getSocketFactory().createSocket(plain, "127.0.0.1", port, true);
            tls.setEnabledProtocols(new String[] {"TLSv1.2", "TLSv1.3"});
            tls.startHandshake();
            BufferedReader tin = reader(tls);
            tls.getOutputStream().write("NOOP\r\n".getBytes(StandardCharsets.US_ASCII));
            tls.getOutputStream().flush();
            assertEquals("echo NOOP false", tin.readLine());
            assertEquals(1, tlsEvents.size());
            assertTrue(tlsEvents.get(0).startsWith("TLSv1."), tlsEvents.toString());
        }
    }

    /** RFC 8996, RFC 8314 §4.1: the server's engines enable TLS 1.2 and 1.3 only. */
    @Test
    void onlyTls12AndLaterAreEnabled() {
        javax.net.ssl.SSLEngine engine = context.newEngine(io.netty.buffer.ByteBufAllocator.DEFAULT);
        assertEquals(java.util.Set.of("TLSv1.2", "TLSv1.3"), java.util.Set.of(engine.getEnabledProtocols()));
    }

    @Test
    void implicitTlsListenerSpeaksTlsFromTheFirstByte() throws Exception {
        int port = listen(true);
        try (SSLSocket tls = (SSLSocket) trustAll().getSocketFactory().createSocket("127.0.0.1", port)) {
            tls.setSoTimeout(10_000);
            BufferedReader in = reader(tls);
            assertEquals("hello false", in.readLine());
            tls.getOutputStream().write("STARTTLS\r\n".getBytes(StandardCharsets.US_ASCII));
            tls.getOutputStream().flush();
            // The test session switches blindly; on an implicit listener the host refuses: the session fails and
            // the connection is closed rather than layering TLS twice.
            assertEquals(null, in.readLine());
        }
    }
}
