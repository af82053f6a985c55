package org.atrium.store.infrastructure.inbound;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import org.atrium.store.application.ContentSummary;
import org.atrium.connector.mime.AddressHeader;
import org.atrium.connector.mime.MessageHeaders;
import org.atrium.connector.mime.MessageParser;
import org.atrium.connector.mime.ParsedMessage;

/** Parses an accepted message once (streaming) into what the store indexes and keeps for later protocol reads. */
@ApplicationScoped
public class MessageSummarizer {

    private final MessageParser parser = new MessageParser();

    public ContentSummary summarize(InputStream raw) throws IOException {
        ParsedMessage p = parser.parse(raw);
        MessageHeaders h = p.headers();
        return new ContentSummary(h.dateTime(), h.decodedSubject(), decoded(h.from()), decoded(h.to()), h.messageId(),
                h.inReplyTo(), p.toJson());
    }

    private static String decoded(AddressHeader h) {
        return h == null ? null : h.decoded();
    }
}
