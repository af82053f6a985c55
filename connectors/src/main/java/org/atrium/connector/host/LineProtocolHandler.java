package org.atrium.connector.host;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.atrium.connector.net.ConnectionInfo;
import org.atrium.connector.net.Line;
import org.atrium.connector.net.LineAndOctetFramer;
import org.atrium.connector.net.LineAssembler;
import org.atrium.connector.net.OctetAwareSession;
import org.atrium.connector.net.ProtocolSession;
import org.atrium.connector.net.SessionFactory;

/**
 * Connects one Netty channel to one {@link ProtocolSession}.
 *
 * <p>The event loop only copies bytes and queues them; framing ({@link LineAssembler}, or {@link LineAndOctetFramer}
 * for an {@link OctetAwareSession} such as IMAP, whose literals are counted octets after a line) and the session run on the
 * connection's {@link SerialExecutor}, so the session's current line limit applies exactly to the next line even when
 * the client pipelines (SMTP's DATA raises it), and no store call ever runs on an event loop. Reading pauses while
 * more than {@link #MAX_QUEUED_BYTES} wait for the worker, so a fast client cannot fill the heap.
 *
 * <p>TLS: on an implicit-TLS listener (RFC 8314) the {@link SslHandler} is first in the pipeline from the start and
 * the session's {@link ConnectionInfo#secure()} is true. On a plain listener with a TLS context, a session may switch
 * with {@link org.atrium.connector.net.SessionOutput#startTls()} once (STARTTLS, RFC 3207; STLS, RFC 2595 §4; IMAP
 * STARTTLS, RFC 3501 §6.2.1). Invariant against STARTTLS command injection: no plaintext byte received after the
 * STARTTLS line reaches the session. The framer drops the rest of the read being processed and its partial line
 * ({@link Input#discard()}); every read is stamped on the event loop with the number of switches done so far, and
 * the worker drops reads stamped before the switch it asked for, i.e. everything read before the {@link SslHandler}
 * was inserted. The session's "ready" reply is flushed and the handler inserted in one event-loop task, so the
 * client's handshake (sent after it reads the reply) is never read as plaintext. The handshake's CPU work runs on
 * the session executor, not on the event loop.
 */
final class LineProtocolHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = System.getLogger("org.atrium.connector.host");
    static final int MAX_QUEUED_BYTES = 1 << 20;
    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000);

    private final SessionFactory factory;
    private final Executor pool;
    private final String serverName;
    /** For STARTTLS on a plain listener; null when the listener has no TLS context or is implicit TLS. */
    private final SslContext startTlsContext;
    private final boolean implicitTls;
    private final AtomicLong queued = new AtomicLong();
    private SerialExecutor serial;
    private ProtocolSession session;
    private ConnectionInfo info;
    /** The connection's framer: every read goes through it, in order, on the serial executor. */
    private Input input;
    /** TLS switches done; read and written on the event loop only. Stamps every read. */
    private int switchesDone;
    /** TLS switches asked for by the session; worker only. Reads stamped lower are plaintext from before: dropped. */
    private int switchesAsked;
    /** Whether the session asked for a switch (worker; read by the worker's {@link #tlsAvailable()}). */
    private volatile boolean tlsAsked;

    /**
     * @param startTlsContext the context for STARTTLS on a plain listener, or null (no STARTTLS offered)
     * @param implicitTls whether an {@link SslHandler} is already first in the pipeline (RFC 8314 listener)
     */
    LineProtocolHandler(SessionFactory factory, Executor pool, String serverName, SslContext startTlsContext,
            boolean implicitTls) {
        this.factory = factory;
        this.pool = pool;
        this.serverName = serverName;
        this.startTlsContext = implicitTls ? null : startTlsContext;
        this.implicitTls = implicitTls;
    }

    LineProtocolHandler(SessionFactory factory, Executor pool, String serverName) {
        this(factory, pool, serverName, null, false);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        var ch = ctx.channel();
        String id = Long.toString(IDS.incrementAndGet(), 36).toUpperCase();
        info = new ConnectionInfo((InetSocketAddress) ch.remoteAddress(),
                (InetSocketAddress) ch.localAddress(), serverName, implicitTls, id);
        serial = new SerialExecutor(pool, () -> ch.close());
        session = factory.create(info, new ChannelSessionOutput(ch, serial, new ChannelSessionOutput.TlsSwitch() {
            @Override
            public boolean available() {
                return tlsAvailable();
            }

            @Override
            public void prepare() {
                prepareTls();
            }

            @Override
            public void flushAndSwitch() {
                switchToTls(ctx);
            }
        }));
        input = framer(session);
        int idle = session.idleTimeoutSeconds();
        if (idle > 0) {
            ctx.pipeline().addBefore(ctx.name(), "idle", new IdleStateHandler(idle, 0, 0));
        }
        serial.execute(session::start);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf buf = (ByteBuf) msg;
        byte[] bytes;
        try {
            bytes = new byte[buf.readableBytes()];
            buf.readBytes(bytes);
        } finally {
            buf.release();
        }
        if (queued.addAndGet(bytes.length) > MAX_QUEUED_BYTES) {
            ctx.channel().config().setAutoRead(false);
        }
        int stamp = switchesDone;
        serial.execute(() -> {
            if (stamp >= switchesAsked) {
                input.feed(bytes);
            }
            if (queued.addAndGet(-bytes.length) <= MAX_QUEUED_BYTES / 2 && !ctx.channel().config().isAutoRead()) {
                ctx.channel().config().setAutoRead(true);
            }
        });
    }

    private boolean tlsAvailable() {
        return startTlsContext != null && !tlsAsked;
    }

    /**
     * On the worker, inside the session's handling of the STARTTLS line: drops what the framer holds and the rest of
     * the current read, and marks every read not yet stamped with the switch as plaintext to drop.
     */
    private void prepareTls() {
        tlsAsked = true;
        switchesAsked++;
        input.discard();
    }

    /**
     * At the session's flush of its "ready" reply: one event-loop task flushes the reply (it leaves in plaintext,
     * being already past the head of the pipeline) and inserts the {@link SslHandler} first, with no read in between,
     * so the client's handshake, sent after it reads the reply, is the first thing the handler decrypts.
     */
    private void switchToTls(ChannelHandlerContext ctx) {
        var ch = ctx.channel();
        ch.eventLoop().execute(() -> {
            ch.flush();
            if (!ch.isActive()) {
                return;
            }
            ch.pipeline().addFirst("tls", startTlsContext.newHandler(ch.alloc(), pool));
            switchesDone++;
        });
    }

    /** A connection's framer, fed on the serial worker. */
    interface Input {
        void feed(byte[] bytes);

        /** Forgets buffered input and the rest of the current feed (the switch to TLS). */
        void discard();
    }

    /** Lines only for SMTP and POP3; lines and counted octets for a session that announces them (RFC 3501 §4.3). */
    static Input framer(ProtocolSession session) {
        if (session instanceof OctetAwareSession octetAware) {
            LineAndOctetFramer f = new LineAndOctetFramer(octetAware);
            return new Input() {
                @Override
                public void feed(byte[] bytes) {
                    f.feed(bytes);
                }

                @Override
                public void discard() {
                    f.discard();
                }
            };
        }
        return new LinesOnly(session);
    }

    /** Line framing whose limit follows the session's after each line (SMTP's DATA raises it). */
    private static final class LinesOnly implements Input {
        private final ProtocolSession session;
        private final LineAssembler assembler;

        LinesOnly(ProtocolSession session) {
            this.session = session;
            this.assembler = new LineAssembler(session.maxLineLength(), this::line);
        }

        private void line(Line line) {
            session.onLine(line);
            assembler.maxLength(session.maxLineLength());
        }

        @Override
        public void feed(byte[] bytes) {
            assembler.feed(bytes);
        }

        @Override
        public void discard() {
            assembler.discard();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            serial.execute(session::onIdle);
        } else if (evt instanceof SslHandshakeCompletionEvent done) {
            if (done.isSuccess()) {
                var engine = ctx.pipeline().get(SslHandler.class).engine().getSession();
                String protocol = engine.getProtocol();
                String cipher = engine.getCipherSuite();
                serial.execute(() -> session.onTlsEstablished(protocol, cipher));
            } else {
                LOG.log(Level.INFO, "connector: session={0} ip={1} TLS handshake failed: {2}", info.sessionId(),
                        info.remoteIp(), String.valueOf(done.cause()));
                ctx.close();
            }
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (serial != null) {
            serial.execute(session::onClose);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(Level.DEBUG, "connector: connection from {0} failed: {1}", ctx.channel().remoteAddress(),
                cause.toString());
        ctx.close();
    }
}
