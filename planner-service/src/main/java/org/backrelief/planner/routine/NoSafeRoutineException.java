package org.backrelief.planner.routine;

/**
 * The profile leaves too little to build a complete, safe routine. Never answered with a half-built one: the
 * resource turns this into a 422 problem naming the profile field to change.
 */
public class NoSafeRoutineException extends RuntimeException {

    private final String field;

    public NoSafeRoutineException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
