package org.atrium.store.application;

import java.util.List;

/**
 * One page of accounts for a paged table (the admin console's user list, issue #6).
 *
 * @param rows the accounts of the page, in the requested order
 * @param total how many accounts match the filter in all
 */
public record AccountPage(List<AccountView> rows, long total) {
}
