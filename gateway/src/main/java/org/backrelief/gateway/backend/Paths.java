package org.backrelief.gateway.backend;

import java.nio.charset.StandardCharsets;

/** Builds backend paths from values the gateway decoded (path parameters, the token subject). */
public final class Paths {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Paths() {
    }

    /**
     * {@code value} as one path segment: everything but RFC 3986 unreserved characters is percent-encoded, so a
     * value can never add a segment ({@code /}) or start a query ({@code ?}, {@code #}); a value that is only dots
     * has them encoded too, so it never reads as "this" or "parent" segment to a path normaliser that does not decode.
     */
    public static String segment(String value) {
        if (value.equals(".") || value.equals("..")) {
            return value.replace(".", "%2E");
        }
        int i = 0;
        while (i < value.length() && unreserved(value.charAt(i))) {
            i++;
        }
        if (i == value.length()) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 16).append(value, 0, i);
        for (byte b : value.substring(i).getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (unreserved(c)) {
                out.append(c);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return out.toString();
    }

    private static boolean unreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                || c == '_' || c == '~';
    }
}
