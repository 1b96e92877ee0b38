package io.lodestar.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module arrows of ARCHITECTURE.md, one rule per arrow, each with its reason:
 * {@code resources ← engine ← resolver ← app}; nothing points back.
 * Runs in {@code app} because only its test class path holds every module.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.lodestar");
    }

    @Test
    void resourcesHoldFactsAndDependOnNoOtherModule() {
        noClasses().that().resideInAPackage("io.lodestar.resources..")
                .should().dependOnClassesThat().resideInAnyPackage("io.lodestar.engine..", "io.lodestar.resolver..",
                        "io.lodestar.app..", "javafx..", "org.xbill..", "java.sql..")
                .because("resources are facts, not logic: every other module may read them")
                .check(classes);
    }

    @Test
    void engineKnowsNoJavaFxAndNoDnsWireFormat() {
        noClasses().that().resideInAPackage("io.lodestar.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.xbill..",
                        "io.lodestar.resolver..", "io.lodestar.app..")
                .because("the engine decides answers; the resolver speaks DNS and the console draws")
                .check(classes);
    }

    @Test
    void modelRecordsAreNeverSerialisedStraightToTheWire() {
        noClasses().that().resideInAnyPackage("io.lodestar.engine.model..", "io.lodestar.engine.strategy..",
                        "io.lodestar.engine.plan..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..")
                .because("wire shapes are DTOs mapped explicitly (STYLE: Jackson trap)")
                .check(classes);
    }

    @Test
    void resolverDoesNotReachIntoTheConsole() {
        noClasses().that().resideInAPackage("io.lodestar.resolver..")
                .should().dependOnClassesThat().resideInAnyPackage("io.lodestar.app..", "javafx..")
                .because("a headless node must run without JavaFX")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void consoleOpensNoDatabaseAndNoSocket() {
        noClasses().that().resideInAPackage("io.lodestar.app..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.ServerSocket")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.DatagramSocket")
                .because("the console is an API client of a node (ARCHITECTURE: the data's way)")
                .check(classes);
    }

    @Test
    void onlyTheResolversWirePackageTouchesDnsjava() {
        noClasses().that().resideInAPackage("io.lodestar..").and().resideOutsideOfPackage("io.lodestar.resolver.wire..")
                .should().dependOnClassesThat().resideInAPackage("org.xbill..")
                .because("dnsjava stays behind one package, so its types never leak into the node's logic")
                .allowEmptyShould(true)
                .check(classes);
    }
}
