package org.backrelief.planner.completion;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Why an exercise was skipped. {@link #PAIN} counts like a pain report in the adaptation (see
 * {@code PainAdaptation}); the others do not. Older clients send only a free-text {@code skipReason}: a reason that
 * mentions pain ("hurt", "ache", "sore", "twinge", "spasm", "sharp") is then read as {@link #PAIN}.
 */
public enum SkipCause {
    PAIN,
    TOO_HARD,
    NO_TIME,
    NO_EQUIPMENT,
    OTHER;

    private static final Pattern PAIN_WORDS = Pattern.compile("pain|hurt|ache|aching|sore|twinge|spasm|sharp");

    /** The cause as sent, or read from the free text when none was sent. */
    public static SkipCause of(SkipCause sent, String reason) {
        if (sent != null) {
            return sent;
        }
        return reason != null && PAIN_WORDS.matcher(reason.toLowerCase(Locale.ROOT)).find() ? PAIN : OTHER;
    }
}
