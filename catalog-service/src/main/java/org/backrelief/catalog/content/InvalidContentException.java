package org.backrelief.catalog.content;

import java.util.List;

/** The content files break the schema; lists every problem found, each prefixed with its file. */
public class InvalidContentException extends RuntimeException {

    private final List<String> problems;

    public InvalidContentException(List<String> problems) {
        super("Invalid catalog content:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
