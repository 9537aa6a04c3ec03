package org.backrelief.tracking.history;

import java.util.List;

import org.backrelief.tracking.facts.ExerciseFact;
import org.backrelief.tracking.facts.SessionFact;

/**
 * The history as RFC 4180 CSV (CRLF, fields quoted when needed, quotes doubled). Free-text cells that a spreadsheet
 * would run as a formula get a leading apostrophe.
 */
public final class HistoryCsv {

    public static final String MEDIA_TYPE = "text/csv";
    static final String HEADER = "date,completedAt,zoneId,sessionId,planId,weekNumber,durationMinutes,painBefore,"
            + "painAfter,exertion,exercisesDone,exercisesSkipped,notes";
    private static final String CRLF = "\r\n";

    private HistoryCsv() {
    }

    public static String of(List<SessionFact> sessions) {
        StringBuilder csv = new StringBuilder(HEADER.length() + sessions.size() * 120).append(HEADER).append(CRLF);
        for (SessionFact s : sessions) {
            long done = s.exercises().stream().filter(ExerciseFact::done).count();
            csv.append(s.localDate()).append(',')
                    .append(s.completedAt()).append(',')
                    .append(text(s.zoneId())).append(',')
                    .append(text(s.sessionId())).append(',')
                    .append(text(s.planId())).append(',')
                    .append(s.weekNumber() == null ? "" : s.weekNumber()).append(',')
                    .append(String.format(java.util.Locale.ROOT, "%.1f", s.durationSeconds() / 60.0)).append(',')
                    .append(s.painBefore()).append(',')
                    .append(s.painAfter()).append(',')
                    .append(s.exertion()).append(',')
                    .append(done).append(',')
                    .append(s.exercises().size() - done).append(',')
                    .append(text(s.notes())).append(CRLF);
        }
        return csv.toString();
    }

    /** A free-text cell: neutralised if it looks like a formula, quoted if it holds a separator, quote or newline. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String cell = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                || cell.indexOf('\r') >= 0 || !cell.equals(cell.strip());
        return quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }
}
