package dev.microshop.order.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rules of the layers: business code knows nothing of frameworks, adapters know the business. */
@AnalyzeClasses(packages = "dev.microshop.order", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule domain_depends_only_on_itself_and_the_jdk = classes()
            .that().resideInAPackage("dev.microshop.order.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.microshop.order.domain..", "java..");

    @ArchTest
    static final ArchRule application_depends_only_on_the_domain_spring_transaction_annotations_and_logging = classes()
            .that().resideInAPackage("dev.microshop.order.application..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "dev.microshop.order.application..",
                    "dev.microshop.order.domain..",
                    "java..",
                    "org.slf4j..",
                    "org.springframework.stereotype..",
                    "org.springframework.transaction.annotation..");

    @ArchTest
    static final ArchRule adapters_reach_the_business_only_through_application_and_domain = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Domain").definedBy("dev.microshop.order.domain..")
            .layer("Application").definedBy("dev.microshop.order.application..")
            .layer("Infrastructure").definedBy("dev.microshop.order.infrastructure..")
            .layer("Interfaces").definedBy("dev.microshop.order.interfaces..")
            .whereLayer("Interfaces").mayNotBeAccessedByAnyLayer()
            .whereLayer("Infrastructure").mayNotBeAccessedByAnyLayer()
            .whereLayer("Application").mayOnlyBeAccessedByLayers("Infrastructure", "Interfaces")
            .whereLayer("Domain").mayOnlyBeAccessedByLayers("Application", "Infrastructure", "Interfaces");
}
