package org.atrium.web.console;

import java.io.Serializable;

/**
 * The quota fields of the domain and user pages as typed: storage ({@link ByteSize}: {@code 2G}, {@code 500M} or
 * octets), a message count and a warning level in percent. An empty field clears that value, so the next in the chain
 * (account, domain, server default) applies: the same meaning as null in the REST API's quota body.
 */
public final class QuotaForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String bytes;
    private String messages;
    private String warnPercent;

    /** Fills the fields from the stored values (null: empty). */
    void load(Long bytes, Long messages, Integer warnPercent) {
        this.bytes = bytes == null ? null : ByteSize.format(bytes).replace(" B", "");
        if (bytes != null && !ByteSize.parse(this.bytes).equals(bytes)) {
            this.bytes = bytes.toString(); // "1.3 G" would round: keep the exact octets
        }
        this.messages = messages == null ? null : messages.toString();
        this.warnPercent = warnPercent == null ? null : warnPercent.toString();
    }

    Long bytes() {
        return ConsoleInput.bytes(bytes);
    }

    Long messages() {
        return ConsoleInput.count(messages);
    }

    Integer warnPercent() {
        return ConsoleInput.percent(warnPercent);
    }

    /** The audit detail's fields, as the REST API's quota body would be logged. */
    String fields() {
        return "bytes=" + bytes() + " messages=" + messages() + " warnPercent=" + warnPercent();
    }

    public String getBytes() {
        return bytes;
    }

    public void setBytes(String bytes) {
        this.bytes = bytes;
    }

    public String getMessages() {
        return messages;
    }

    public void setMessages(String messages) {
        this.messages = messages;
    }

    public String getWarnPercent() {
        return warnPercent;
    }

    public void setWarnPercent(String warnPercent) {
        this.warnPercent = warnPercent;
    }
}
