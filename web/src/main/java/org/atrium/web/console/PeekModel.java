package org.atrium.web.console;

import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * A lazy table over a service that pages by offset and limit but does not count (audit log, tracking, queue): each
 * page asks for one row more than it shows, and the row count is what has been seen plus one while more rows follow,
 * so the paginator offers the next page exactly when there is one. Pages use "rows x-y" reports, not a total.
 */
abstract class PeekModel<T> extends LazyDataModel<T> {

    private static final long serialVersionUID = 1L;

    /** At most {@code limit} rows from {@code offset}, in the service's order. */
    abstract List<T> fetch(int offset, int limit);

    /** Forgets what was seen (a new search starts again at the first page). */
    void reset() {
        setRowCount(0);
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        // Before the page is loaded: what is known so far, at least one row so that the first page is asked for.
        return Math.max(1, getRowCount());
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        int offset = Math.max(0, first);
        int size = Math.max(1, pageSize);
        List<T> rows = fetch(offset, size + 1);
        boolean more = rows.size() > size;
        List<T> page = more ? List.copyOf(rows.subList(0, size)) : rows;
        setRowCount(rowCount(offset, page.size(), more));
        return page;
    }

    /** The rows the paginator is told of: those up to this page, and one more when another page follows. */
    static int rowCount(int offset, int shown, boolean more) {
        long n = (long) offset + shown + (more ? 1 : 0);
        return (int) Math.min(Integer.MAX_VALUE, n);
    }
}
