package org.atrium.connector.host;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
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
 */
final class LineProtocolHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = System.getLogger("org.atrium.connector.host");
    static final int MAX_QUEUED_BYTES = 1 << 20;
    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000);

    private final SessionFactory factory;
    private final Executor pool;
    private final String serverName;
    private final AtomicLong queued = new AtomicLong();
    private SerialExecutor serial;
    private ProtocolSession session;
    /** The connection's framer: every read goes through it, in order, on the serial executor. */
    private Consumer<byte[]> input;

    LineProtocolHandler(SessionFactory factory, Executor pool, String serverName) {
        this.factory = factory;
        this.pool = pool;
        this.serverName = serverName;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        var ch = ctx.channel();
        String id = Long.toString(IDS.incrementAndGet(), 36).toUpperCase();
        ConnectionInfo info = new ConnectionInfo((InetSocketAddress) ch.remoteAddress(),
                (InetSocketAddress) ch.localAddress(), serverName, false, id);
        serial = new SerialExecutor(pool, () -> ch.close());
        session = factory.create(info, new ChannelSessionOutput(ch, serial));
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
        serial.execute(() -> {
            input.accept(bytes);
            if (queued.addAndGet(-bytes.length) <= MAX_QUEUED_BYTES / 2 && !ctx.channel().config().isAutoRead()) {
                ctx.channel().config().setAutoRead(true);
            }
        });
    }

    /** Lines only for SMTP and POP3; lines and counted octets for a session that announces them (RFC 3501 §4.3). */
    static Consumer<byte[]> framer(ProtocolSession session) {
        if (session instanceof OctetAwareSession octetAware) {
            return new LineAndOctetFramer(octetAware)::feed;
        }
        return new LinesOnly(session)::feed;
    }

    /** Line framing whose limit follows the session's after each line (SMTP's DATA raises it). */
    private static final class LinesOnly {
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

        void feed(byte[] bytes) {
            assembler.feed(bytes);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            serial.execute(session::onIdle);
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
