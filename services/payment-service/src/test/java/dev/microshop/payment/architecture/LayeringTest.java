package dev.microshop.payment.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rules of the layers: business code knows nothing of frameworks or of the provider's model. */
@AnalyzeClasses(packages = "dev.microshop.payment", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule domain_depends_only_on_itself_and_the_jdk = classes()
            .that().resideInAPackage("dev.microshop.payment.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.microshop.payment.domain..", "java..");

    @ArchTest
    static final ArchRule application_depends_only_on_the_domain_and_spring_transaction_annotations = classes()
            .that().resideInAPackage("dev.microshop.payment.application..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "dev.microshop.payment.application..",
                    "dev.microshop.payment.domain..",
                    "java..",
                    "org.springframework.stereotype..",
                    "org.springframework.transaction.annotation..");

    @ArchTest
    static final ArchRule adapters_reach_the_business_only_through_application_and_domain = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Domain").definedBy("dev.microshop.payment.domain..")
            .layer("Application").definedBy("dev.microshop.payment.application..")
            .layer("Infrastructure").definedBy("dev.microshop.payment.infrastructure..")
            .layer("Interfaces").definedBy("dev.microshop.payment.interfaces..")
            .whereLayer("Interfaces").mayNotBeAccessedByAnyLayer()
            .whereLayer("Infrastructure").mayNotBeAccessedByAnyLayer()
            .whereLayer("Application").mayOnlyBeAccessedByLayers("Infrastructure", "Interfaces")
            .whereLayer("Domain").mayOnlyBeAccessedByLayers("Application", "Infrastructure", "Interfaces");

    @ArchTest
    static final ArchRule the_providers_model_stays_inside_the_anti_corruption_layer = classes()
            .that().resideInAPackage("dev.microshop.payment.infrastructure.provider..")
            .and().doNotHaveSimpleName("ProviderUnavailableException")
            .and().doNotHaveSimpleName("ProviderRejectedException")
            .and().doNotHaveSimpleName("ProviderProperties")
            .should().notBePublic();
}
