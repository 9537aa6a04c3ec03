package org.backrelief.local;

/** A failure the person running the stack can fix; printed without a stack trace, with an exit code. */
class StackException extends RuntimeException {

    final int exitCode;

    StackException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }
}
