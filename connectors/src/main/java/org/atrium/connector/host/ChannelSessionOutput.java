package org.atrium.connector.host;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.atrium.connector.net.SessionOutput;

/**
 * {@link SessionOutput} over a Netty channel. Called from the session's worker thread: writes are queued to the event
 * loop, and when the channel's outbound buffer is over its high-water mark the worker waits for the peer to read
 * (back-pressure for large downloads), which is harmless because it is not an event loop.
 */
final class ChannelSessionOutput implements SessionOutput {

    private static final long WRITE_WAIT_SECONDS = 120;
    private final Channel channel;
    private final Executor serial;
    private final TlsSwitch tls;
    private volatile boolean closed;
    /** STARTTLS asked for: the next flush also inserts the TLS handler (worker only). */
    private boolean switchAtFlush;

    /** The host side of STARTTLS: whether the connection may switch, and the switch itself. */
    interface TlsSwitch {
        boolean available();

        /** On the worker, when the session asks for TLS: drop buffered and queued plaintext input. */
        void prepare();

        /**
         * On the worker, at the session's next flush: in one event-loop task, flush the reply (plaintext) and insert
         * the TLS handler, so that no read can fall between the two.
         */
        void flushAndSwitch();
    }

    ChannelSessionOutput(Channel channel, Executor serial, TlsSwitch tls) {
        this.channel = channel;
        this.serial = serial;
        this.tls = tls;
    }

    @Override
    public boolean startTlsAvailable() {
        return !closed && tls.available();
    }

    @Override
    public void startTls() {
        if (!startTlsAvailable()) {
            throw new IllegalStateException("STARTTLS is not available on this connection");
        }
        switchAtFlush = true;
        tls.prepare();
    }

    @Override
    public void post(Runnable task) {
        if (!closed && channel.isActive()) {
            serial.execute(() -> {
                if (!closed && channel.isActive()) {
                    task.run();
                }
            });
        }
    }

    @Override
    public void send(String line) {
        write(Unpooled.copiedBuffer(line + "\r\n", StandardCharsets.UTF_8));
    }

    @Override
    public void sendRaw(byte[] bytes, int off, int len) {
        write(Unpooled.copiedBuffer(bytes, off, len));
    }

    private void write(ByteBuf buf) {
        if (closed || !channel.isActive()) {
            buf.release();
            return;
        }
        if (channel.isWritable() || switchAtFlush) {
            // Before a switch the reply must not be flushed on its own (see TlsSwitch#flushAndSwitch); it is small.
            channel.write(buf, channel.voidPromise());
        } else {
            // Wait until the peer has taken what is queued; give up (and close) if it stalls for minutes.
            if (!channel.writeAndFlush(buf).awaitUninterruptibly(WRITE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                close();
            }
        }
    }

    @Override
    public void flush() {
        if (closed) {
            return;
        }
        if (switchAtFlush) {
            switchAtFlush = false;
            tls.flushAndSwitch();
        } else {
            channel.flush();
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }
}
