package org.atrium.connector.imap.message;

import java.io.IOException;
import java.util.Set;
import org.atrium.connector.imap.port.MessageDetails;

/**
 * One message of the selected folder as SEARCH, SORT and THREAD see it. {@link #details()} and {@link #content()}
 * may load lazily; evaluators call them only for keys that need them.
 */
public interface SearchCandidate {

    long seq();

    long uid();

    /** Flags in IMAP spelling ({@code \Seen}, keywords), without {@code \Recent}. */
    Set<String> flags();

    boolean recent();

    long modseq();

    /** Metadata parsed at delivery (dates, size, headers, structure). */
    MessageDetails details() throws IOException;

    /** The raw message, for BODY and TEXT keys only. */
    byte[] content() throws IOException;
}
