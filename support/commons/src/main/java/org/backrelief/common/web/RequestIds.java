package org.backrelief.common.web;

import java.util.UUID;
import java.util.regex.Pattern;

import org.jboss.logging.MDC;

/** The correlation id of the request being served: accepted from {@code X-Request-Id} or created, and logged. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    /** Ids from clients are echoed into logs and headers, so only a safe, bounded alphabet is accepted. */
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }

    public static String acceptOrCreate(String fromClient) {
        return fromClient != null && SAFE_ID.matcher(fromClient).matches() ? fromClient : UUID.randomUUID().toString();
    }

    static void set(String id) {
        MDC.put(MDC_KEY, id);
    }

    static void clear() {
        MDC.remove(MDC_KEY);
    }
}
