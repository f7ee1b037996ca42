package dev.microshop.notification.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rules of the layers: business code knows nothing of frameworks, adapters know the business. */
@AnalyzeClasses(packages = "dev.microshop.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule domain_depends_only_on_itself_and_the_jdk = classes()
            .that().resideInAPackage("dev.microshop.notification.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.microshop.notification.domain..", "java..");

    @ArchTest
    static final ArchRule application_depends_only_on_the_domain_and_spring_transaction_annotations = classes()
            .that().resideInAPackage("dev.microshop.notification.application..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "dev.microshop.notification.application..",
                    "dev.microshop.notification.domain..",
                    "java..",
                    "org.springframework.stereotype..",
                    "org.springframework.transaction.annotation..");

    @ArchTest
    static final ArchRule adapters_reach_the_business_only_through_application_and_domain = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Domain").definedBy("dev.microshop.notification.domain..")
            .layer("Application").definedBy("dev.microshop.notification.application..")
            .layer("Infrastructure").definedBy("dev.microshop.notification.infrastructure..")
            .layer("Interfaces").definedBy("dev.microshop.notification.interfaces..")
            .whereLayer("Interfaces").mayNotBeAccessedByAnyLayer()
            .whereLayer("Infrastructure").mayNotBeAccessedByAnyLayer()
            .whereLayer("Application").mayOnlyBeAccessedByLayers("Infrastructure", "Interfaces")
            .whereLayer("Domain").mayOnlyBeAccessedByLayers("Application", "Infrastructure", "Interfaces");

    @ArchTest
    static final ArchRule only_the_adapters_know_the_platform = classes()
            .that().resideInAnyPackage("dev.microshop.notification.domain..", "dev.microshop.notification.application..")
            .should().onlyDependOnClassesThat().resideOutsideOfPackages("dev.microshop.platform..",
                    "dev.microshop.contracts..");
}
