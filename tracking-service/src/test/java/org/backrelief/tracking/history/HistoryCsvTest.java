package org.backrelief.tracking.history;

import static org.backrelief.tracking.support.Activity.done;
import static org.backrelief.tracking.support.Activity.session;
import static org.backrelief.tracking.support.Activity.skipped;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.backrelief.common.domain.Phase;
import org.junit.jupiter.api.Test;

class HistoryCsvTest {

    @Test
    void oneRowPerSessionWithAHeader() {
        String csv = HistoryCsv.of(List.of(session("u", "s-1", "2024-03-31T22:30:00Z", "Europe/Berlin")
                .plan("plan-1", 2, 3).minutes(25).pain(5, 3).exertion(6)
                .exercise(done("plank", Phase.STRENGTHENING, 3, null, 30, 120))
                .exercise(skipped("bird-dog", Phase.STRENGTHENING, "wrist")).fact()));
        assertEquals(HistoryCsv.HEADER + "\r\n"
                + "2024-04-01,2024-03-31T22:30:00Z,Europe/Berlin,s-1,plan-1,2,25.0,5,3,6,1,1,\r\n", csv);
    }

    @Test
    void textIsQuotedWhenItHoldsSeparatorsQuotesOrNewlines() {
        assertEquals("plain", HistoryCsv.text("plain"));
        assertEquals("\"a, b\"", HistoryCsv.text("a, b"));
        assertEquals("\"she said \"\"ouch\"\"\"", HistoryCsv.text("she said \"ouch\""));
        assertEquals("\"line 1\nline 2\"", HistoryCsv.text("line 1\nline 2"));
        assertEquals("", HistoryCsv.text(null));
    }

    @Test
    void cellsThatLookLikeFormulasAreNeutralised() {
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", HistoryCsv.text("=HYPERLINK(\"x\")"));
        assertEquals("'+1", HistoryCsv.text("+1"));
        assertEquals("'@SUM(A1)", HistoryCsv.text("@SUM(A1)"));
        assertEquals("'-2", HistoryCsv.text("-2"));
    }
}
