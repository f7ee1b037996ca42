package dev.microshop.payment.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.microshop.testsupport.MicroshopLayering;

/** The dependency rules of the layers: business code knows nothing of frameworks or of the provider's model. */
@AnalyzeClasses(packages = "dev.microshop.payment", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule layers_depend_only_inwards = MicroshopLayering.of("dev.microshop.payment")
            // A charge and a reconciliation log what they settle, and span several transactions (TransactionTemplate).
            .applicationMayAlsoUse("org.slf4j..", "org.springframework.transaction.support..")
            .rules();

    @ArchTest
    static final ArchRule the_providers_model_stays_inside_the_anti_corruption_layer = classes()
            .that()
            .resideInAPackage("dev.microshop.payment.infrastructure.provider..")
            .and()
            .doNotHaveSimpleName("ProviderUnavailableException")
            .and()
            .doNotHaveSimpleName("ProviderRejectedException")
            .and()
            .doNotHaveSimpleName("ProviderProperties")
            .should()
            .notBePublic();
}
