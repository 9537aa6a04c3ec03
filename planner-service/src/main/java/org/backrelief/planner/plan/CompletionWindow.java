package org.backrelief.planner.plan;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import org.backrelief.common.problem.ProblemException;
import org.backrelief.planner.support.PlannerConfig;

/**
 * "Can this session be completed?": the one home of the rule. An open session can be completed from its scheduled
 * date until {@code backrelief.planner.completion-window-days} days later, in the user's time zone.
 */
@ApplicationScoped
public class CompletionWindow {

    private final int days;

    public CompletionWindow(PlannerConfig config) {
        this.days = config.completionWindowDays();
    }

    /** The earliest scheduled date still completable today. */
    public LocalDate earliestOpenDate(LocalDate today) {
        return today.minusDays(days);
    }

    public boolean completable(SessionEntity session, LocalDate today) {
        return session.status == SessionStatus.SCHEDULED && problem(session, today, "").isEmpty();
    }

    /** Throws the 400 that says why the session cannot be completed today (its status is checked by its write). */
    public void requireCompletable(SessionEntity session, LocalDate today, String zone) {
        String problem = problem(session, today, " in " + zone);
        if (!problem.isEmpty()) {
            throw ProblemException.badRequest("sessionId", problem);
        }
    }

    private String problem(SessionEntity session, LocalDate today, String inZone) {
        LocalDate date = LocalDate.parse(session.scheduledDate);
        if (date.isAfter(today)) {
            return "this session is scheduled for " + date + ", after today (" + today + inZone
                    + "); it cannot be completed yet";
        }
        if (today.isAfter(date.plusDays(days))) {
            return "this session has expired: a session can be completed from its date until " + days
                    + " days later (" + date + " to " + date.plusDays(days) + ")";
        }
        return "";
    }
}
