package io.hallmark.app;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Guards the module arrows of ARCHITECTURE.md: they point one way, from {@code app} down to the SDK.
 * The SDK knows nothing of the host; governance knows nothing of Hibernate or Javalin; only the app sees
 * everything.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.hallmark");
    }

    @Test
    void modulesDependOnlyDownwards() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("SDK").definedBy("io.hallmark.api..")
                .layer("Worker").definedBy("io.hallmark.worker..")
                .layer("Retrieval").definedBy("io.hallmark.retrieval..")
                .layer("Search").definedBy("io.hallmark.search..")
                .layer("Governance").definedBy("io.hallmark.governance..")
                .layer("Core").definedBy("io.hallmark.core..")
                .layer("Admin").definedBy("io.hallmark.admin..")
                .layer("App").definedBy("io.hallmark.app..")
                .whereLayer("App").mayNotBeAccessedByAnyLayer()
                .whereLayer("Admin").mayOnlyBeAccessedByLayers("App")
                .whereLayer("Core").mayOnlyBeAccessedByLayers("Admin", "App")
                .whereLayer("Governance").mayOnlyBeAccessedByLayers("Core", "Admin", "App")
                .whereLayer("Search").mayOnlyBeAccessedByLayers("Core", "Admin", "App")
                .whereLayer("Retrieval").mayOnlyBeAccessedByLayers("Search", "Governance", "Core", "Admin", "App")
                .whereLayer("Worker").mayOnlyBeAccessedByLayers("Core", "Admin", "App")
                .withOptionalLayers(true)
                .check(classes);
    }

    @Test
    void theSdkDependsOnlyOnTheJdkPf4jSlf4jAndJspecify() {
        classes().that().resideInAPackage("io.hallmark.api..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("io.hallmark.api..", "java..", "org.pf4j..", "org.slf4j..", "org.jspecify..")
                .check(classes);
    }

    @Test
    void thePluginWorkerDependsOnlyOnTheSdkPf4jAndJackson() {
        // the worker's class path is what a third-party plugin's process holds: no platform, database or model code
        classes().that().resideInAPackage("io.hallmark.worker..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("io.hallmark.worker..", "io.hallmark.api..", "java..", "org.pf4j..", "org.slf4j..",
                        "org.jspecify..", "com.fasterxml.jackson..")
                .check(classes);
    }

    @Test
    void governanceAndRetrievalKnowNothingOfPersistenceOrHttp() {
        noClasses().that().resideInAnyPackage("io.hallmark.governance..", "io.hallmark.retrieval..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.hibernate..", "jakarta.persistence..", "io.javalin..", "org.eclipse.jetty..",
                        "org.flywaydb..", "com.zaxxer..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void theCoreKnowsNothingOfHttp() {
        noClasses().that().resideInAPackage("io.hallmark.core..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..", "picocli..")
                .check(classes);
    }
}
