package org.regionalexchange.gateway.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Docs move with the code: docs/api-errors.md lists exactly the codes of {@link ErrorCode}, with their status. */
class ErrorCodeDocsTest {

    @Test
    @DisplayName("docs/api-errors.md documents every error code with its HTTP status, and no other")
    void everyCodeIsDocumented() throws Exception {
        Matcher row = Pattern.compile("(?m)^\\| `([a-z_]+)` \\| (\\d{3}) \\|").matcher(
                Files.readString(Path.of("../docs/api-errors.md")));
        Set<String> documented = new TreeSet<>();
        while (row.find()) {
            documented.add(row.group(1) + " " + row.group(2));
        }
        Set<String> codes = Arrays.stream(ErrorCode.values()).map(c -> c.code() + " " + c.status().value())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(codes, documented);
    }
}
