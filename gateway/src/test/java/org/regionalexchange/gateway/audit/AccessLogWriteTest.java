package org.regionalexchange.gateway.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AccessLogWriteTest {

    private static final String TWO = "update exchange_request set status = ? where id = ?";

    @Test
    @DisplayName("a caller's write keeps its values in order, nulls included, and cannot be changed afterwards")
    void valuesInOrder() {
        Object[] values = {"ANSWERED", null};
        AccessLog.Write write = new AccessLog.Write(TWO, values);
        values[0] = "changed";
        assertEquals(Arrays.asList("ANSWERED", null), write.values());
        assertThrows(UnsupportedOperationException.class, () -> write.values().add("more"));
        assertEquals(write, new AccessLog.Write(TWO, Arrays.asList("ANSWERED", null)));
    }

    @Test
    @DisplayName("a write whose values do not match its placeholders; result: refused when it is made, not when the database binds it")
    void valuesMatchPlaceholders() {
        assertThrows(IllegalArgumentException.class, () -> new AccessLog.Write(TWO, "ANSWERED"));
        assertThrows(IllegalArgumentException.class, () -> new AccessLog.Write(TWO, "ANSWERED", 1, 2));
        assertThrows(IllegalArgumentException.class, () -> new AccessLog.Write(TWO, List.of()));
        assertThrows(NullPointerException.class, () -> new AccessLog.Write(null, 1, 2));
    }
}
