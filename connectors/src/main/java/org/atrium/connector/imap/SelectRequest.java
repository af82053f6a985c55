package org.atrium.connector.imap;

/**
 * SELECT or EXAMINE (RFC 3501 §6.3.1, §6.3.2) with the select parameters of CONDSTORE and QRESYNC (RFC 7162 §3.1.8,
 * §3.2.5).
 *
 * @param readOnly true for EXAMINE
 * @param qresync the QRESYNC parameter, or null
 */
public record SelectRequest(String tag, MailboxName mailbox, boolean readOnly, boolean condstore, Qresync qresync)
        implements ImapRequest {

    /**
     * {@code "QRESYNC" SP "(" uidvalidity SP mod-sequence-value [SP known-uids] [SP seq-match-data] ")"}.
     *
     * @param knownUids null when absent
     * @param knownSequenceSet null when absent; with {@code knownUidSet}, the seq-match-data pair
     */
    public record Qresync(long uidValidity, long modSeq, SequenceSet knownUids, SequenceSet knownSequenceSet,
            SequenceSet knownUidSet) {
    }
}
