package org.regionalexchange.gateway;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries of docs/design.md §3: the policy engine knows no framework, and the
 * gateway's feature packages use each other only through their top-level (API) types.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.regionalexchange");
    }

    @Test
    @DisplayName("policy depends on no Spring, Jakarta, Hibernate, servlet or JDBC code")
    void policyIsFrameworkFree() {
        ArchRule rule = noClasses().that().resideInAPackage("org.regionalexchange.policy..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "javax.persistence..",
                        "org.hibernate..", "java.sql..", "javax.sql..", "java.net.http..", "org.regionalexchange.gateway..");
        rule.check(classes);
    }

    @Test
    @DisplayName("the policy classes are on the classpath, so the rule above checks something")
    void policyIsImported() {
        if (classes.stream().noneMatch(c -> c.getPackageName().startsWith("org.regionalexchange.policy"))) {
            throw new AssertionError("no policy classes imported");
        }
    }

    @Test
    @DisplayName("a feature package never reaches into another feature's sub-packages (its internals)")
    void featuresUseEachOthersApiOnly() {
        slices().matching("org.regionalexchange.gateway.(*)..")
                .should().notDependOnEachOther()
                .ignoreDependency(com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage(
                                "org.regionalexchange.gateway.*"))
                .check(classes);
    }

    @Test
    @DisplayName("personal data leaves in an exchange only from a judgment: HolderRecords alone calls release(RecordRef, Decision),"
            + " and ResponseBuilder alone asks HolderRecords for released data")
    void releaseOnlyFromAJudgment() {
        onlyJudgmentsRelease().check(classes);
        onlyTheAnswerReadsReleasedData().check(classes);
    }

    @Test
    @DisplayName("the release rule fails on a planted release outside the judged path")
    void releaseRuleCatchesAPlantedRelease() {
        JavaClasses planted = new ClassFileImporter().importClasses(
                org.regionalexchange.gateway.architecture.PlantedRelease.class);
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> onlyJudgmentsRelease().check(planted));
    }

    private static ArchRule onlyJudgmentsRelease() {
        return noClasses().that().doNotHaveFullyQualifiedName("org.regionalexchange.gateway.exchange.HolderRecords")
                .should().callMethod("org.regionalexchange.gateway.records.SubjectRecords", "release",
                        "org.regionalexchange.gateway.records.RecordRef", "org.regionalexchange.policy.Decision")
                .orShould().callMethod("org.regionalexchange.gateway.records.RecordService", "release",
                        "org.regionalexchange.gateway.records.RecordRef", "org.regionalexchange.policy.Decision");
    }

    private static ArchRule onlyTheAnswerReadsReleasedData() {
        return noClasses().that().doNotHaveFullyQualifiedName("org.regionalexchange.gateway.exchange.ResponseBuilder")
                .should().callMethod("org.regionalexchange.gateway.exchange.HolderRecords", "released",
                        "org.regionalexchange.gateway.exchange.Judgment");
    }

    @Test
    @DisplayName("disclosure control is plain Java: it depends on nothing but the JDK and itself")
    void disclosureControlIsPlainJava() {
        disclosureIsPlainJava().check(classes);
        if (classes.stream().noneMatch(c -> c.getPackageName().equals(DISCLOSURE))) {
            throw new AssertionError("no disclosure classes imported");
        }
    }

    @Test
    @DisplayName("the plain-Java rule fails on a planted framework dependency in the disclosure package")
    void disclosureRuleCatchesAPlantedDependency() {
        JavaClasses planted = new ClassFileImporter().importClasses(
                org.regionalexchange.gateway.statistics.disclosure.PlantedFrameworkUse.class);
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> disclosureIsPlainJava().check(planted));
    }

    private static final String DISCLOSURE = "org.regionalexchange.gateway.statistics.disclosure";

    private static ArchRule disclosureIsPlainJava() {
        return com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes().that().resideInAPackage(DISCLOSURE)
                .should().onlyDependOnClassesThat().resideInAnyPackage(DISCLOSURE, "java..");
    }

    @Test
    @DisplayName("feature packages have no dependency cycles")
    void noCycles() {
        slices().matching("org.regionalexchange.gateway.(*)..").should().beFreeOfCycles().check(classes);
    }
}
