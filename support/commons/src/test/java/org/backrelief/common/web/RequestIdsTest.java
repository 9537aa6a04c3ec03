package org.backrelief.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void acceptsASafeIdFromTheClient() {
        assertEquals("trace-42:abc.DEF", RequestIds.acceptOrCreate("trace-42:abc.DEF"));
    }

    @Test
    void replacesUnsafeOrMissingIds() {
        String injected = "abc\r\nSet-Cookie: x=1";
        assertNotEquals(injected, RequestIds.acceptOrCreate(injected));
        assertTrue(RequestIds.acceptOrCreate(null).matches("[0-9a-f-]{36}"));
        assertTrue(RequestIds.acceptOrCreate("x".repeat(129)).matches("[0-9a-f-]{36}"));
    }
}
