package org.atrium.connector.smtp.client;

/**
 * One recipient of an outbound transaction, with the DSN parameters to pass on (RFC 3461 §5.2: a relaying MTA
 * passes NOTIFY and ORCPT to a next hop that supports DSN).
 *
 * @param address the forward-path without brackets
 * @param notifyOn the NOTIFY= value, upper case, or null
 * @param orcpt the ORCPT= value as received ({@code addr-type ";" xtext}), or null
 */
public record OutboundRecipient(String address, String notifyOn, String orcpt) {

    public static OutboundRecipient of(String address) {
        return new OutboundRecipient(address, null, null);
    }
}
