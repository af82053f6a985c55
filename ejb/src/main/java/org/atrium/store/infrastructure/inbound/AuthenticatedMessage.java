package org.atrium.store.infrastructure.inbound;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import org.atrium.connector.smtp.MessageData;
import org.atrium.store.application.internal.HeaderSection;

/**
 * The received message with a block of header fields inserted at the top, below a leading {@code Return-Path}
 * (authentication results, which RFC 7208 §9.1 and RFC 8601 §5 want above our {@code Received}), and some of its own
 * fields dropped while the header section streams past (forged {@code Authentication-Results}, RFC 8601 §5). Only
 * the header section is held in memory; the body streams from {@code data} as it is, so the blob store can take a
 * message of any size.
 */
final class AuthenticatedMessage implements MessageData {

    private final byte[] block;
    private final MessageData data;
    private final Predicate<String> drop;
    private long size = -1;

    /**
     * @param block header fields, each ending in CR LF
     * @param drop which of the message's own fields to remove (given the field unfolded, name and value)
     */
    AuthenticatedMessage(String block, MessageData data, Predicate<String> drop) {
        this.block = block.getBytes(StandardCharsets.ISO_8859_1);
        this.data = data;
        this.drop = drop;
    }

    @Override
    public InputStream open() throws IOException {
        InputStream in = new BufferedInputStream(data.open(), 65536);
        try {
            HeaderSection header = HeaderSection.read(in, InboundAuthentication.HEADER_LIMIT);
            byte[] own = header.without(drop);
            int split = afterReturnPath(own);
            List<InputStream> parts = List.of(new ByteArrayInputStream(own, 0, split), new ByteArrayInputStream(block),
                    new ByteArrayInputStream(own, split, own.length - split), in);
            return new SequenceInputStream(Collections.enumeration(parts));
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /**
     * Where the block goes: after a leading {@code Return-Path}, which final delivery puts first (RFC 5321 §4.4),
     * and so above our {@code Received} (RFC 7208 §9.1); at the very top otherwise.
     */
    static int afterReturnPath(byte[] header) {
        String start = new String(header, 0, Math.min(header.length, 12), StandardCharsets.ISO_8859_1);
        if (!start.equalsIgnoreCase("Return-Path:")) {
            return 0;
        }
        for (int i = 0; i < header.length; i++) {
            if (header[i] == '\n' && (i + 1 >= header.length || (header[i + 1] != ' ' && header[i + 1] != '\t'))) {
                return i + 1;
            }
        }
        return header.length;
    }

    /** Counted once by reading the message: dropped fields make it differ from {@code data}'s size. */
    @Override
    public synchronized long size() {
        if (size < 0) {
            try (InputStream in = open()) {
                long n = 0;
                byte[] buf = new byte[65536];
                for (int r; (r = in.read(buf)) > 0;) {
                    n += r;
                }
                size = n;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return size;
    }
}
