package org.atrium.connector.host;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.atrium.connector.imap.ImapSessionFactory;
import org.atrium.connector.imap.ImapSettings;
import org.atrium.connector.imap.port.ImapMailStore;
import org.atrium.connector.net.SessionFactory;
import org.atrium.connector.pop3.MaildropPort;
import org.atrium.connector.pop3.Pop3SessionFactory;
import org.atrium.connector.pop3.Pop3Settings;
import org.atrium.connector.dns.DnsResolvers;
import org.atrium.connector.net.NetworkList;
import org.atrium.connector.smtp.Dnsbl;
import org.atrium.connector.smtp.MailIntake;
import org.atrium.connector.smtp.SmtpGuards;
import org.atrium.connector.smtp.SmtpSessionFactory;
import org.atrium.connector.smtp.SmtpSettings;

/**
 * Hosts the protocol listeners (SMTP, POP3, IMAP) on Netty 4.2, started with the application after the store
 * (ARCHITECTURE.md, "connectors"). Event loops come from the container's {@link ManagedThreadFactory}; sessions run on
 * the container's {@link ManagedExecutorService}; the store is reached only through the ports, injected as EJBs.
 *
 * <p>TLS ({@link ServerTls}): the plain listeners offer STARTTLS (SMTP RFC 3207, POP3 STLS RFC 2595 §4, IMAP
 * RFC 3501 §6.2.1); IMAPS and POP3S speak TLS from the first byte (RFC 8314 §3.3) and are disabled by a port of 0.
 *
 * <p>Submission (RFC 6409, {@code atrium.submission.port}, default 2587, STARTTLS offered) and submissions (implicit
 * TLS, RFC 8314 §3.3, {@code atrium.submissions.port}, default 2465) run the SMTP session in submission mode: AUTH
 * required, senders checked. A port of 0 disables either. Remote recipients are still refused there (550 5.7.1):
 * there is no outbound relay yet, and mail that cannot be delivered is not accepted.
 *
 * <p>SMTP policy ({@code atrium.smtp.*}): relay for trusted networks, unqualified recipients, EXPN, and the
 * {@link SmtpGuards} shared by the three SMTP listeners (connections per address, messages per sender per minute,
 * DNS block lists on the MX listener only).
 *
 * <p>If a listener cannot bind (port taken), the deployment fails with that reason rather than running half-deaf.
 */
@Singleton
@Startup
@DependsOn("atrium-ejb.jar#StoreBootstrap")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ConnectorHost {

    private static final Logger LOG = System.getLogger("org.atrium.connector.host");

    @Resource(lookup = "java:jboss/ee/concurrency/factory/atrium-netty")
    ManagedThreadFactory threads;

    @Resource(lookup = "java:jboss/ee/concurrency/executor/atrium-sessions")
    ManagedExecutorService workers;

    @EJB
    MailIntake intake;

    @EJB
    MaildropPort maildrops;

    @EJB
    ImapMailStore mailStore;

    @EJB
    SessionCounters sessions;

    private EventLoopGroup acceptors;
    private EventLoopGroup io;
    private final List<Channel> channels = Collections.synchronizedList(new ArrayList<>());

    @PostConstruct
    void start() {
        HostSettings s = HostSettings.fromSystemProperties();
        acceptors = new MultiThreadIoEventLoopGroup(1, threads, NioIoHandler.newFactory());
        io = new MultiThreadIoEventLoopGroup(Math.max(2, Runtime.getRuntime().availableProcessors()), threads,
                NioIoHandler.newFactory());
        try {
            Path spool = s.dataDir().resolve("spool");
            Files.createDirectories(spool);
            SslContext tls = ServerTls.context(s);
            SmtpSettings smtp = smtpSettings(s, spool);
            // One set of guards for all SMTP listeners: a client cannot escape a limit by changing port.
            SmtpGuards guards = SmtpGuards.of(smtp, Clock.systemUTC(), smtp.dnsblZones().isEmpty()
                    ? name -> List.of()
                    : Dnsbl.dnsLookup(System.getProperty(DnsResolvers.SETTING), Dnsbl.DEFAULT_TIMEOUT));
            LOG.log(Level.INFO, "connector: smtp policy trusted-networks=[{0}] max-connections-per-ip={1,number,#} "
                    + "max-messages-per-minute={2,number,#} dnsbl={3} expn={4}", smtp.trustedNetworks(),
                    smtp.maxConnectionsPerIp(), smtp.maxMessagesPerMinute(), smtp.dnsblZones(), smtp.expnEnabled());
            bind("smtp", s.bindAddress(), s.smtpPort(), s.hostname(),
                    new SmtpSessionFactory(intake, smtp, Clock.systemUTC(), guards), tls, false);
            // Submission (RFC 6409) with STARTTLS, and over implicit TLS (RFC 8314 §3.3): AUTH required.
            SmtpSessionFactory submission = SmtpSessionFactory.submission(intake, smtp, Clock.systemUTC(),
                    s.plainAuthOnLoopback(), guards);
            bindUnlessDisabled("submission", s.bindAddress(), s.submissionPort(), s.hostname(), submission, tls,
                    false);
            bindImplicit("submissions", s.bindAddress(), s.submissionsPort(), s.hostname(), submission, tls);
            Pop3SessionFactory pop3 = new Pop3SessionFactory(maildrops, Pop3Settings.defaults(s.hostname()));
            bind("pop3", s.bindAddress(), s.pop3Port(), s.hostname(), pop3, tls, false);
            ImapSessionFactory imap = new ImapSessionFactory(mailStore, ImapSettings.defaults(s.hostname()),
                    Clock.systemUTC());
            bind("imap", s.bindAddress(), s.imapPort(), s.hostname(), imap, tls, false);
            bindImplicit("imaps", s.bindAddress(), s.imapsPort(), s.hostname(), imap, tls);
            bindImplicit("pop3s", s.bindAddress(), s.pop3sPort(), s.hostname(), pop3, tls);
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("cannot start the protocol listeners: " + e.getMessage(), e);
        }
    }

    /**
     * The SMTP settings: the host's message size and the {@code atrium.smtp.*} policy keys (configure.cli,
     * conf/atrium.properties). A malformed value fails the start with the key named, rather than running with a
     * policy the administrator did not ask for.
     */
    static SmtpSettings smtpSettings(HostSettings s, Path spool) {
        return SmtpSettings.defaults(s.hostname(), spool)
                .withMaxMessageSize(s.maxMessageSize())
                .withMaxReceivedHeaders(intProp("atrium.smtp.max-received-headers",
                        SmtpSettings.DEFAULT_MAX_RECEIVED_HEADERS))
                .withTrustedNetworks(NetworkList.parse(System.getProperty("atrium.smtp.trusted-networks")))
                .withDefaultDomain(strProp("atrium.smtp.default-domain"))
                .withExpnEnabled(Boolean.parseBoolean(strProp("atrium.smtp.expn")))
                .withMaxConnectionsPerIp(intProp("atrium.smtp.max-connections-per-ip",
                        SmtpSettings.DEFAULT_MAX_CONNECTIONS_PER_IP))
                .withMaxMessagesPerMinute(intProp("atrium.smtp.max-messages-per-minute",
                        SmtpSettings.DEFAULT_MAX_MESSAGES_PER_MINUTE))
                .withDnsblZones(Dnsbl.zones(System.getProperty("atrium.smtp.dnsbl.zones")));
    }

    private static String strProp(String key) {
        String v = System.getProperty(key);
        return v == null ? "" : v.strip();
    }

    private static int intProp(String key, int fallback) {
        String v = strProp(key);
        try {
            return v.isEmpty() ? fallback : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": not a number: " + v, e);
        }
    }

    /** An implicit-TLS listener (RFC 8314 §3.3), unless its port is 0 or negative. */
    private void bindImplicit(String protocol, String host, int port, String serverName, SessionFactory factory,
            SslContext tls) throws InterruptedException {
        bindUnlessDisabled(protocol, host, port, serverName, factory, tls, true);
    }

    /** A listener (STARTTLS offered, or implicit TLS), unless its port is 0 or negative. */
    private void bindUnlessDisabled(String protocol, String host, int port, String serverName,
            SessionFactory factory, SslContext tls, boolean implicitTls) throws InterruptedException {
        if (port <= 0) {
            LOG.log(Level.INFO, "connector: {0} listener disabled (port {1,number,#})", protocol, port);
            return;
        }
        bind(protocol, host, port, serverName, factory, tls, implicitTls);
    }

    private void bind(String protocol, String host, int port, String serverName, SessionFactory factory,
            SslContext tls, boolean implicitTls) throws InterruptedException {
        ServerBootstrap b = new ServerBootstrap()
                .group(acceptors, io)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 512)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        sessions.track(protocol, ch); // open connections per listener, for GET /api/v1/status
                        if (implicitTls) {
                            // Handshake CPU work (delegated tasks) runs on the session executor, not the event loop.
                            ch.pipeline().addLast("tls", tls.newHandler(ch.alloc(), workers));
                        }
                        ch.pipeline().addLast("session",
                                new LineProtocolHandler(factory, workers, serverName, tls, implicitTls));
                    }
                });
        var future = b.bind(new InetSocketAddress(host, port)).await();
        if (!future.isSuccess()) {
            throw new IllegalStateException(protocol + " listener cannot bind " + host + ":" + port + ": "
                    + future.cause(), future.cause());
        }
        channels.add(future.channel());
        LOG.log(Level.INFO, "connector: {0} listening on {1}:{2,number,#}{3}", protocol, host, port,
                implicitTls ? " (implicit TLS)" : tls != null ? " (STARTTLS offered)" : "");
    }

    @PreDestroy
    void stop() {
        for (Channel c : channels) {
            c.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        channels.clear();
        if (acceptors != null) {
            acceptors.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
        }
        if (io != null) {
            io.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
        }
        LOG.log(Level.INFO, "connector: listeners stopped");
    }
}
