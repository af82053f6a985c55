package org.atrium.store.application;

/**
 * A message in a folder, as a list of messages shows it.
 *
 * @param id the item id
 * @param uidValidity the folder's UIDVALIDITY
 * @param uid the item's UID
 * @param size in octets
 */
public record MessageRef(long id, long uidValidity, long uid, long size) {
}
