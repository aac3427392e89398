package org.regionalexchange.policy.config;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.regionalexchange.policy.referral.AnswerKind;
import org.regionalexchange.policy.referral.AnswerOption;
import org.regionalexchange.policy.referral.Indicator;
import org.regionalexchange.policy.referral.Labels;
import org.regionalexchange.policy.referral.Mark;
import org.regionalexchange.policy.referral.Question;
import org.regionalexchange.policy.referral.Questionnaire;
import tools.jackson.databind.JsonNode;

/**
 * Reads the screening questionnaire (seed 000, Annex 1) from its versioned YAML file, validates it against
 * {@code schemas/v1/screening-questionnaire.json} and the checks the schema cannot express, and builds the
 * {@link Questionnaire}. Every error is reported at once, sorted, with file, line and column, as for the policy
 * file. The questionnaire ships inside the policy module ({@value #ANNEX1_RESOURCE}): it is the Annex's text,
 * not a deployment's choice, and a new version is a new file.
 */
public final class QuestionnaireFileLoader {
    /** Class-path location of the Annex 1 questionnaire, version 1. */
    public static final String ANNEX1_RESOURCE = "screening/annex1-v1.yaml";
    static final String SCHEMA_LOCATION = "classpath:schemas/v1/screening-questionnaire.json";

    private static final class Holder {
        static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of(SCHEMA_LOCATION));
        static final Questionnaire ANNEX1 = load(ANNEX1_RESOURCE.substring(ANNEX1_RESOURCE.lastIndexOf('/') + 1),
                resource(ANNEX1_RESOURCE));
    }

    private QuestionnaireFileLoader() {
    }

    /** The Annex 1 questionnaire shipped with the module, loaded and validated once. */
    public static Questionnaire annex1() {
        return Holder.ANNEX1;
    }

    /**
     * Parses and validates the text.
     *
     * @param fileName the name used in error messages
     * @throws PolicyConfigException with every error found
     */
    public static Questionnaire load(String fileName, String yaml) {
        List<ConfigError> errors = new ArrayList<>();
        YamlDocument document = YamlDocument.parse(fileName, yaml, errors);
        if (document != null) {
            PolicySchema.validate(Holder.SCHEMA, document, errors);
            QuestionnaireSemantics.check(document, errors);
        }
        if (!errors.isEmpty()) {
            Collections.sort(errors);
            throw new PolicyConfigException("screening questionnaire", errors);
        }
        try {
            return build(document.root());
        } catch (IllegalArgumentException e) {
            // The checks above should have caught it; report it in the same form rather than crash.
            throw new PolicyConfigException("screening questionnaire",
                    List.of(new ConfigError(fileName, 1, 1, e.getMessage())));
        }
    }

    private static Questionnaire build(JsonNode root) {
        EnumMap<Mark, Labels> legend = new EnumMap<>(Mark.class);
        for (Map.Entry<String, JsonNode> entry : root.get("legend").properties()) {
            legend.put(Mark.ofSymbol(entry.getKey()), labels(entry.getValue()));
        }
        List<Question> questions = new ArrayList<>();
        for (JsonNode q : root.get("questions")) {
            List<Labels> columns = new ArrayList<>();
            q.path("columns").forEach(c -> columns.add(labels(c)));
            List<AnswerOption> options = new ArrayList<>();
            for (JsonNode o : q.path("options")) {
                EnumSet<Mark> marks = EnumSet.noneOf(Mark.class);
                o.path("marks").forEach(m -> marks.add(Mark.ofSymbol(m.asString())));
                EnumSet<Indicator> indicates = EnumSet.noneOf(Indicator.class);
                o.path("indicates").forEach(i -> indicates.add(Indicator.parse(i.asString())));
                options.add(new AnswerOption(o.get("code").asString(), labels(o.get("label")), marks,
                        o.path("specify").asBoolean(false), indicates));
            }
            questions.add(new Question(q.get("id").asString(), q.get("number").asInt(),
                    AnswerKind.valueOf(q.get("answer").asString()), labels(q.get("text")),
                    q.has("details") ? Optional.of(labels(q.get("details"))) : Optional.empty(), columns, options));
        }
        return new Questionnaire(root.get("id").asString(), root.get("version").asInt(), labels(root.get("title")),
                legend, questions);
    }

    private static Labels labels(JsonNode node) {
        Map<String, String> texts = new TreeMap<>();
        node.properties().forEach(e -> texts.put(e.getKey(), e.getValue().asString()));
        return new Labels(texts);
    }

    private static String resource(String path) {
        try (InputStream in = QuestionnaireFileLoader.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("No questionnaire on the class path at " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
