/**
 * The SMTP client of the outbound delivery agent (issue #4): routing (MX look-up with dnsjava, smart hosts), and the
 * client side of RFC 5321 with EHLO, opportunistic STARTTLS (RFC 3207), PIPELINING (RFC 2920), SIZE (RFC 1870),
 * 8BITMIME (RFC 6152) and DSN (RFC 3461). Plain Java and blocking: the store calls it from its delivery workers.
 */
package org.atrium.connector.smtp.client;
