package dev.microshop.notification.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.microshop.testsupport.MicroshopLayering;

/** The dependency rules of the layers: business code knows nothing of frameworks, adapters know the business. */
@AnalyzeClasses(packages = "dev.microshop.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule layers_depend_only_inwards =
            MicroshopLayering.of("dev.microshop.notification").rules();

    @ArchTest
    static final ArchRule only_the_adapters_know_the_platform = classes()
            .that()
            .resideInAnyPackage("dev.microshop.notification.domain..", "dev.microshop.notification.application..")
            .should()
            .onlyDependOnClassesThat()
            .resideOutsideOfPackages("dev.microshop.platform..", "dev.microshop.contracts..");
}
