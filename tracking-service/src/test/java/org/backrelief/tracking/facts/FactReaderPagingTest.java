package org.backrelief.tracking.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The total a history page can tell without counting, checked against the real total. */
class FactReaderPagingTest {

    @Test
    void aPartialPageIsTheLastOne() {
        assertEquals(7, FactReader.totalFromPage(0, 20, 7));
        assertEquals(0, FactReader.totalFromPage(0, 20, 0));
        assertEquals(45, FactReader.totalFromPage(2, 20, 5));
    }

    @Test
    void aFullPageOrAnEmptyPageAfterTheFirstNeedsACount() {
        assertEquals(-1, FactReader.totalFromPage(0, 20, 20));
        assertEquals(-1, FactReader.totalFromPage(3, 20, 0));
    }

    /** Whenever the page claims to know the total, it is the real one. */
    @Property
    void aKnownTotalIsTheRealTotal(@ForAll @IntRange(min = 0, max = 500) int total,
            @ForAll @IntRange(min = 0, max = 30) int page, @ForAll @IntRange(min = 1, max = 100) int size) {
        int returned = Math.max(0, Math.min(size, total - page * size));
        long known = FactReader.totalFromPage(page, size, returned);
        if (known >= 0) {
            assertEquals(total, known);
        }
    }
}
