package org.regionalexchange.policy.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A parsed YAML file: its tree, and the line and column of every node by JSON pointer, so that errors found
 * on the tree (schema or semantic) can be reported where they are in the file. For an object member the
 * position is that of its key.
 */
final class YamlDocument {
    /** A 1-based position in the file. */
    record Position(int line, int column) {
    }

    private static final YAMLMapper MAPPER = YAMLMapper.builder().build();

    private final String file;
    private final JsonNode root;
    private final Map<String, Position> positions;

    private YamlDocument(String file, JsonNode root, Map<String, Position> positions) {
        this.file = file;
        this.root = root;
        this.positions = positions;
    }

    /**
     * Parses the text; syntax errors and duplicate keys (which YAML parsers would otherwise resolve silently,
     * last one winning) are added to {@code errors} and the result is then {@code null}.
     */
    static YamlDocument parse(String file, String text, List<ConfigError> errors) {
        Map<String, Position> positions = new HashMap<>();
        List<ConfigError> found = new ArrayList<>();
        try (JsonParser parser = MAPPER.createParser(text)) {
            if (parser.nextToken() == null) {
                errors.add(new ConfigError(file, 1, 1, "the file is empty; expected a policy document"));
                return null;
            }
            walk(file, parser, "", position(parser.currentTokenLocation()), positions, found);
            if (parser.nextToken() != null) {
                found.add(new ConfigError(file, position(parser.currentTokenLocation()).line(),
                        position(parser.currentTokenLocation()).column(),
                        "more than one YAML document; expected exactly one"));
            }
        } catch (JacksonException e) {
            Position at = position(e.getLocation());
            errors.add(new ConfigError(file, at.line(), at.column(), "YAML syntax error: " + firstLine(e.getOriginalMessage())));
            return null;
        }
        if (!found.isEmpty()) {
            errors.addAll(found);
            return null;
        }
        JsonNode root;
        try {
            // The walk above reads tokens only; building the tree also reads values, and a number YAML spells but
            // Java cannot read (.inf) fails only here.
            root = MAPPER.readTree(text);
        } catch (JacksonException e) {
            Position at = position(e.getLocation());
            errors.add(new ConfigError(file, at.line(), at.column(), "YAML syntax error: " + firstLine(e.getOriginalMessage())));
            return null;
        }
        return new YamlDocument(file, root, positions);
    }

    private static void walk(String file, JsonParser parser, String pointer, Position at, Map<String, Position> positions,
                             List<ConfigError> errors) {
        positions.put(pointer, at);
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                Position keyAt = position(parser.currentTokenLocation());
                String child = pointer + "/" + escape(name);
                parser.nextToken();
                if (positions.containsKey(child)) {
                    errors.add(new ConfigError(file, keyAt.line(), keyAt.column(), "duplicate key '" + name
                            + "' (first at line " + positions.get(child).line() + "); expected each key once"));
                    // Its content is not compared with the first one's: one error per duplicate key.
                    walk(file, parser, child, keyAt, new HashMap<>(), errors);
                } else {
                    walk(file, parser, child, keyAt, positions, errors);
                }
            }
        } else if (token == JsonToken.START_ARRAY) {
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                walk(file, parser, pointer + "/" + index++, position(parser.currentTokenLocation()), positions, errors);
            }
        }
    }

    private static Position position(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return new Position(1, 1);
        }
        return new Position(location.getLineNr(), Math.max(1, location.getColumnNr()));
    }

    /**
     * The parser's message on one line: its first line and its "expected ..." or "found ..." lines, without
     * the echo of the source and its position suffix (the position is reported separately).
     */
    private static String firstLine(String message) {
        String text = message == null ? "unreadable" : message.strip();
        int source = text.indexOf(" at [Source:");
        if (source > 0) {
            text = text.substring(0, source);
        }
        String[] lines = text.split("\\R");
        StringBuilder result = new StringBuilder(lines[0].strip());
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("expected") || line.startsWith("found") || line.startsWith("but found")) {
                result.append("; ").append(line);
            }
        }
        return result.toString();
    }

    /** JSON pointer escaping (RFC 6901). */
    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    String file() {
        return file;
    }

    JsonNode root() {
        return root;
    }

    /** The position of the node at the pointer, or of its nearest ancestor that has one. */
    Position positionOf(String pointer) {
        String p = pointer;
        while (true) {
            Position at = positions.get(p);
            if (at != null) {
                return at;
            }
            if (p.isEmpty()) {
                return new Position(1, 1);
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    boolean has(String pointer) {
        return positions.containsKey(pointer);
    }

    ConfigError error(String pointer, String message) {
        Position at = positionOf(pointer);
        return new ConfigError(file, at.line(), at.column(), message);
    }
}
