package org.backrelief.catalog.exercise;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.backrelief.common.problem.ProblemException;

/**
 * HTTP entity tags of the catalog. One exercise has a strong tag from its id and version (so it doubles as the
 * If-Match token of a PUT); a list has a weak tag from a hash of its JSON.
 */
public final class EntityTags {

    private static final Pattern EXERCISE_TAG = Pattern.compile("^\"([a-z0-9-]+)\\.v(\\d{1,18})\"$");
    private static final int HASH_CHARS = 27;

    private EntityTags() {
    }

    public static String ofExercise(String id, long version) {
        return "\"" + id + ".v" + version + "\"";
    }

    public static String ofContent(byte[] json) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
            String hash = Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, HASH_CHARS);
            return "W/\"" + hash + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** True when an {@code If-None-Match} header matches {@code tag} (weak comparison, lists and * allowed). */
    public static boolean matchesNoneMatch(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String opaque = opaque(tag);
        for (String candidate : ifNoneMatch.split(",")) {
            String value = candidate.strip();
            if (value.equals("*") || opaque(value).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The version an {@code If-Match} header names for exercise {@code id}, or null without a header.
     *
     * @throws ProblemException 400 when the header is not a (strong) ETag of this exercise
     */
    public static Long versionFromIfMatch(String ifMatch, String id) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        Matcher matcher = EXERCISE_TAG.matcher(ifMatch.strip());
        if (!matcher.matches() || !matcher.group(1).equals(id)) {
            throw ProblemException.badRequest("If-Match", "must be the ETag of this exercise as returned by GET, e.g. "
                    + ofExercise(id, 1));
        }
        return Long.parseLong(matcher.group(2));
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
