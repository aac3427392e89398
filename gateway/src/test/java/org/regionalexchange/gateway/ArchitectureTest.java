package org.regionalexchange.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;

/**
 * The module boundaries of docs/design.md §3: the policy engine knows no framework; each feature
 * package of the gateway states in its package-info which features it may use, uses no others,
 * reaches into no other feature's sub-packages (its internals) and is in no cycle (Spring
 * Modulith's model of the packages, documented in docs/modules/).
 */
class ArchitectureTest {

    private static JavaClasses classes;
    /** The gateway's feature packages as Spring Modulith sees them (main classes only). */
    private static ApplicationModules modules;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.regionalexchange");
        modules = ApplicationModules.of(GatewayApplication.class);
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
    @DisplayName("each feature uses only the features its package-info states, and no two features depend on each other in a cycle")
    void featuresUseOnlyWhatTheyState() {
        modules.verify();
    }

    @Test
    @DisplayName("every feature package states its allowed dependencies: a package that states none fails")
    void everyFeatureStatesItsDependencies() {
        assertTrue(modules.stream().count() >= 20, "features found: " + modules.stream().count());
        assertEquals(List.of(), unstated(modules));
    }

    @Test
    @DisplayName("the module rule fails on a planted dependency of audit on records, which audit does not state")
    void moduleRuleCatchesAPlantedDependency() {
        ApplicationModules withPlanted = ApplicationModules.of(GatewayApplication.class, mainClassesAnd("PlantedFeatureUse"));
        Violations violations = withPlanted.detectViolations();
        assertTrue(violations.hasViolations(), "the planted dependency was not found");
        assertTrue(violations.getMessages().stream().allMatch(m -> m.contains("PlantedFeatureUse")), violations.getMessage());
    }

    @Test
    @DisplayName("review may use the exchange only through its named interface 'review': a planted use of RequestDesk fails")
    void namedInterfaceRuleCatchesAPlantedUse() {
        ApplicationModules withPlanted = ApplicationModules.of(GatewayApplication.class, mainClassesAnd("PlantedExchangeUse"));
        Violations violations = withPlanted.detectViolations();
        assertTrue(violations.hasViolations(), "the planted use was not found");
        assertTrue(violations.getMessages().stream().allMatch(m -> m.contains("PlantedExchangeUse")), violations.getMessage());
    }

    @Test
    @DisplayName("the statement rule fails on a planted package without allowed dependencies")
    void statementRuleCatchesAPlantedPackage() {
        ApplicationModules withPlanted = ApplicationModules.of(GatewayApplication.class, mainClassesAnd("PlantedUnstatedFeature"));
        assertEquals(List.of("plantedfeature"), unstated(withPlanted));
    }

    /** The features whose package-info has no {@code @ApplicationModule} naming their allowed dependencies. */
    private static List<String> unstated(ApplicationModules modules) {
        return modules.stream().filter(module -> {
            try {
                ApplicationModule statement = Class.forName(module.getBasePackage().getName() + ".package-info")
                        .getAnnotation(ApplicationModule.class);
                return statement == null || List.of(statement.allowedDependencies()).contains(ApplicationModule.OPEN_TOKEN);
            } catch (ClassNotFoundException noPackageInfo) {
                return true;
            }
        }).map(module -> module.getIdentifier().toString()).sorted().toList();
    }

    /** The main classes (as the build analyses them) and one planted class of the test sources. */
    private static ImportOption mainClassesAnd(String plantedClass) {
        return location -> !location.contains("/test-classes/") || location.contains("/" + plantedClass + ".class");
    }

    @Test
    @DisplayName("personal data leaves in an exchange only from a judgment: HolderRecords alone calls release(RecordRef | RecordFacts, Decision),"
            + " and ResponseBuilder alone asks HolderRecords for released data")
    void releaseOnlyFromAJudgment() {
        onlyJudgmentsRelease().check(classes);
        onlyTheAnswerReadsReleasedData().check(classes);
    }

    @Test
    @DisplayName("the release rule fails on a planted release outside the judged path, by reference or from facts read")
    void releaseRuleCatchesAPlantedRelease() {
        JavaClasses planted = new ClassFileImporter().importClasses(
                org.regionalexchange.gateway.architecture.PlantedRelease.class);
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> onlyJudgmentsRelease().check(planted));
        JavaClasses plantedFacts = new ClassFileImporter().importClasses(
                org.regionalexchange.gateway.architecture.PlantedFactsRelease.class);
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> onlyJudgmentsRelease().check(plantedFacts));
    }

    private static ArchRule onlyJudgmentsRelease() {
        return noClasses().that().doNotHaveFullyQualifiedName("org.regionalexchange.gateway.exchange.HolderRecords")
                .should().callMethod("org.regionalexchange.gateway.records.SubjectRecords", "release",
                        "org.regionalexchange.gateway.records.RecordRef", "org.regionalexchange.policy.Decision")
                .orShould().callMethod("org.regionalexchange.gateway.records.RecordService", "release",
                        "org.regionalexchange.gateway.records.RecordRef", "org.regionalexchange.policy.Decision")
                .orShould().callMethod("org.regionalexchange.gateway.records.SubjectRecords", "release",
                        "org.regionalexchange.gateway.records.RecordFacts", "org.regionalexchange.policy.Decision")
                .orShould().callMethod("org.regionalexchange.gateway.records.RecordService", "release",
                        "org.regionalexchange.gateway.records.RecordFacts", "org.regionalexchange.policy.Decision");
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
    @DisplayName("time comes from the injected Clock: no now() without it, no System.currentTimeMillis(), no Clock.system*() in main code")
    void timeComesFromTheClock() {
        timeFromTheClock().check(classes);
    }

    @Test
    @DisplayName("the clock rule fails on each planted read of the system clock, and only on those")
    void clockRuleCatchesPlantedReads() {
        JavaClasses planted = new ClassFileImporter().importClasses(
                org.regionalexchange.gateway.architecture.PlantedClockUse.class);
        AssertionError failure = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> timeFromTheClock().check(planted));
        String report = failure.getMessage();
        for (String read : List.of("Instant.now()", "LocalDate.now(java.time.ZoneId)", "System.currentTimeMillis()",
                "Clock.systemUTC()", "references method <java.time.Instant.now()>")) {
            assertTrue(report.contains(read), read + " not reported:\n" + report);
        }
        assertTrue(report.contains("was violated (5 times)"), report);
    }

    /**
     * The node's one clock is the {@code Clock} bean of {@link GatewayApplication}; the local region's
     * command-line tool (module region-tool, on the tests' class path), which runs outside a node,
     * makes its own ({@code RegionTool}).
     */
    private static ArchRule timeFromTheClock() {
        return noClasses().that().resideInAPackage("org.regionalexchange..")
                .and().doNotHaveFullyQualifiedName(GatewayApplication.class.getName())
                .and().doNotHaveFullyQualifiedName("org.regionalexchange.region.RegionTool")
                .should().accessTargetWhere(readsTheSystemClock());
    }

    @Test
    @DisplayName("the gateway's main code uses nothing of the region tool (module region-tool, a test dependency only)")
    void gatewayUsesNoRegionTool() {
        if (classes.stream().noneMatch(c -> c.getPackageName().equals(REGION_TOOL))) {
            throw new AssertionError("no region tool classes imported: the rule would check nothing");
        }
        noRegionTool().check(classes);
    }

    @Test
    @DisplayName("the region-tool rule fails on test code of the gateway that uses the tool (TestRegion)")
    void regionToolRuleCatchesAUse() {
        JavaClasses planted = new ClassFileImporter().importClasses(
                org.regionalexchange.gateway.testing.TestRegion.class);
        AssertionError failure = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> noRegionTool().check(planted));
        assertTrue(failure.getMessage().contains("RegionSetup"), failure.getMessage());
    }

    private static final String REGION_TOOL = "org.regionalexchange.region";

    private static ArchRule noRegionTool() {
        return noClasses().that().resideInAPackage("org.regionalexchange.gateway..")
                .should().dependOnClassesThat().resideInAPackage(REGION_TOOL + "..");
    }

    private static DescribedPredicate<JavaAccess<?>> readsTheSystemClock() {
        return DescribedPredicate.describe("read the system clock instead of the injected Clock", access -> {
            AccessTarget target = access.getTarget();
            String owner = target.getOwner().getName();
            String name = target.getName();
            if (owner.startsWith("java.time.") && name.equals("now")) {
                List<JavaClass> parameters = target instanceof AccessTarget.CodeUnitAccessTarget unit
                        ? unit.getRawParameterTypes() : List.of();
                return !(parameters.size() == 1 && parameters.get(0).isEquivalentTo(java.time.Clock.class));
            }
            return owner.equals("java.time.Clock") && name.startsWith("system")
                    || owner.equals("java.lang.System") && name.equals("currentTimeMillis");
        });
    }
}
