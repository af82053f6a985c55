package org.atrium.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Paging over a service that does not count: the next page is offered exactly when there is one. */
class PeekModelTest {

    private static PeekModel<Integer> over(int rows, List<int[]> asked) {
        List<Integer> all = IntStream.range(0, rows).boxed().toList();
        return new PeekModel<>() {
            private static final long serialVersionUID = 1L;

            @Override
            List<Integer> fetch(int offset, int limit) {
                asked.add(new int[] {offset, limit});
                return all.subList(Math.min(offset, rows), Math.min(rows, offset + limit));
            }
        };
    }

    @Test
    void offersTheNextPageOnlyWhenMoreRowsFollow() {
        List<int[]> asked = new ArrayList<>();
        PeekModel<Integer> m = over(60, asked);
        assertEquals(1, m.count(Map.of()));
        assertEquals(IntStream.range(0, 25).boxed().toList(), m.load(0, 25, Map.of(), Map.of()));
        assertEquals(26, m.getRowCount());
        assertEquals(26, m.count(Map.of()));
        assertEquals(25, m.load(25, 25, Map.of(), Map.of()).size());
        assertEquals(51, m.getRowCount());
        List<Integer> last = m.load(50, 25, Map.of(), Map.of());
        assertEquals(IntStream.range(50, 60).boxed().toList(), last);
        assertEquals(60, m.getRowCount());
        assertEquals(List.of(0, 26), List.of(asked.get(0)[0], asked.get(0)[1]));
    }

    @Test
    void anExactlyFullPageHasNoNextPage() {
        PeekModel<Integer> m = over(25, new ArrayList<>());
        assertEquals(25, m.load(0, 25, Map.of(), Map.of()).size());
        assertEquals(25, m.getRowCount());
    }

    @Test
    void resetStartsAfresh() {
        PeekModel<Integer> m = over(100, new ArrayList<>());
        m.load(50, 25, Map.of(), Map.of());
        m.reset();
        assertEquals(1, m.count(Map.of()));
        PeekModel<Integer> empty = over(0, new ArrayList<>());
        assertEquals(List.of(), empty.load(0, 25, Map.of(), Map.of()));
        assertEquals(0, empty.getRowCount());
    }

    @Test
    void rowCountNeverOverflows() {
        assertEquals(Integer.MAX_VALUE, PeekModel.rowCount(Integer.MAX_VALUE - 1, 10, true));
    }
}
