package org.atrium.connector.smtp;

import java.io.IOException;
import java.io.InputStream;

/**
 * The message as received after DATA: trace headers prepended, dot-stuffing removed, lines ending in CR LF.
 * It may live in memory or in a spool file; {@link #open()} can be called more than once.
 */
public interface MessageData {

    /** Size in octets, exactly what {@link #open()} yields. */
    long size();

    InputStream open() throws IOException;
}
