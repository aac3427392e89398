package org.regionalexchange.policy.cases;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.regionalexchange.policy.TestPolicies;
import org.regionalexchange.policy.config.QuestionnaireFileLoader;
import org.regionalexchange.policy.model.AgencyId;
import org.regionalexchange.policy.model.BirthDate;
import org.regionalexchange.policy.model.ConsentGiver;
import org.regionalexchange.policy.model.CountryCode;
import org.regionalexchange.policy.model.SubjectRecord;
import org.regionalexchange.policy.referral.Accompaniment;
import org.regionalexchange.policy.referral.AgencyFunction;
import org.regionalexchange.policy.referral.AnswerCode;
import org.regionalexchange.policy.referral.ContactBlock;
import org.regionalexchange.policy.referral.DirectoryAgency;
import org.regionalexchange.policy.referral.ObservedNeed;
import org.regionalexchange.policy.referral.PersonAsKnown;
import org.regionalexchange.policy.referral.ReferralCategory;
import org.regionalexchange.policy.referral.ReferralConsent;
import org.regionalexchange.policy.referral.ReferralDirectory;
import org.regionalexchange.policy.referral.ReferralEngine;
import org.regionalexchange.policy.referral.ReferralRequest;
import org.regionalexchange.policy.referral.ReferralType;
import org.regionalexchange.policy.referral.ReferredPerson;
import org.regionalexchange.policy.referral.ScreeningAnswers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads referral case files, merges them over {@code case-fixtures/referral-base.yaml} and builds the inputs. */
final class ReferralCaseWorld {
    static final Path CASES = Path.of("src", "test", "resources", "referral-cases");
    static final ReferralEngine ENGINE = ReferralEngine.of(QuestionnaireFileLoader.annex1(), ZoneOffset.UTC);
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(SchemaLocation.of("classpath:schemas/v1/referral-case.json"));
    private static final Set<String> REPLACED_WHOLE = Set.of("/screening/answers", "/referral/consent");
    private static final ObjectNode BASE = (ObjectNode) YAML.readTree(TestPolicies.resource("case-fixtures/referral-base.yaml"));

    private final JsonNode doc;

    ReferralCaseWorld(JsonNode merged) {
        this.doc = merged;
    }

    static List<Error> schemaErrors(JsonNode document) {
        return SCHEMA.validate(document);
    }

    static ObjectNode merged(JsonNode caseFile) {
        ObjectNode result = BASE.deepCopy();
        CaseDocuments.merge(result, (ObjectNode) caseFile, "", REPLACED_WHOLE);
        return result;
    }

    Instant interviewedAt() {
        return Instant.parse(doc.get("interviewedAt").asString());
    }

    Instant now() {
        return Instant.parse(doc.get("now").asString());
    }

    boolean fromRecord() {
        return doc.get("subject").asString().equals("RECORD");
    }

    ScreeningAnswers answers() {
        JsonNode s = doc.get("screening");
        JsonNode p = s.get("person");
        JsonNode dob = p.path("dateOfBirth");
        PersonAsKnown person = new PersonAsKnown(dob.isString() ? Optional.of(BirthDate.parse(dob.asString())) : Optional.empty(),
                countries(p.path("nationalities")), countries(p.path("formerHabitualResidences")),
                Accompaniment.valueOf(p.get("accompaniment").asString()));
        Set<AnswerCode> chosen = new TreeSet<>();
        for (Map.Entry<String, JsonNode> answer : s.path("answers").properties()) {
            if (answer.getValue().isArray()) {
                answer.getValue().forEach(code -> chosen.add(AnswerCode.of(answer.getKey(), code.asString())));
            } else {
                chosen.add(AnswerCode.of(answer.getKey(), answer.getValue().asString()));
            }
        }
        Map<AnswerCode, String> specified = new HashMap<>();
        s.path("specified").properties().forEach(e -> specified.put(AnswerCode.parse(e.getKey()), e.getValue().asString()));
        EnumSet<ObservedNeed> needs = EnumSet.noneOf(ObservedNeed.class);
        s.path("specificNeeds").forEach(n -> needs.add(ObservedNeed.parse(n.asString())));
        JsonNode start = s.path("journeyStart");
        return new ScreeningAnswers(person, chosen, specified,
                start.isString() ? Optional.of(CountryCode.of(start.asString())) : Optional.empty(),
                countries(s.path("countriesFled")), countries(s.path("countriesFeared")), needs);
    }

    SubjectRecord record() {
        return CaseWorld.record(doc.get("record"));
    }

    /** The person as the engine builds them from the screening (at the interview) or the record (now). */
    ReferredPerson person() {
        return fromRecord() ? ENGINE.recordedPerson(record(), now()) : ENGINE.screenedPerson(answers(), interviewedAt());
    }

    DirectoryAgency agency(String id) {
        JsonNode a = doc.get("agencies").get(id);
        if (a == null) {
            throw new IllegalArgumentException("No agency " + id + " in the case's 'agencies'");
        }
        EnumSet<AgencyFunction> functions = EnumSet.noneOf(AgencyFunction.class);
        a.get("functions").forEach(f -> functions.add(AgencyFunction.parse(f.asString())));
        JsonNode c = a.get("contact");
        ContactBlock contact = new ContactBlock(text(c, "servicesDescription"), c.get("department").asString(),
                text(c, "contactPerson"), c.get("phone").asString(), text(c, "email"), c.get("address").asString(),
                c.get("workingHours").asString(), text(c, "hotline"));
        return new DirectoryAgency(AgencyId.of(id), a.get("name").asString(), CaseWorld.party(a), functions, contact);
    }

    ReferralDirectory directory() {
        List<DirectoryAgency> agencies = new ArrayList<>();
        doc.get("directory").forEach(id -> agencies.add(agency(id.asString())));
        return new ReferralDirectory(agencies);
    }

    ReferralRequest request() {
        JsonNode r = doc.get("referral");
        Set<ReferralCategory> categories = EnumSet.noneOf(ReferralCategory.class);
        r.get("categories").forEach(c -> categories.add(ReferralCategory.parse(c.asString())));
        JsonNode c = r.path("consent");
        Optional<ReferralConsent> consent = c.isObject() ? Optional.of(new ReferralConsent(
                ConsentGiver.valueOf(c.get("givenBy").asString()), c.get("informedInLanguage").asString(),
                c.get("interpreterPresent").asBoolean(), text(c, "evidenceRef"))) : Optional.empty();
        return new ReferralRequest(person(), agency(r.get("toAgency").asString()),
                ReferralType.parse(r.get("type").asString()), categories, consent, text(r, "bestInterestReason"));
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? Optional.of(value.asString()) : Optional.empty();
    }

    private static Set<CountryCode> countries(JsonNode array) {
        Set<CountryCode> set = new TreeSet<>();
        array.forEach(c -> set.add(CountryCode.of(c.asString())));
        return set;
    }
}
