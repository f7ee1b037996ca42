package dev.microshop.order.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.microshop.testsupport.MicroshopLayering;

/** The dependency rules of the layers: business code knows nothing of frameworks, adapters know the business. */
@AnalyzeClasses(packages = "dev.microshop.order", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule layers_depend_only_inwards = MicroshopLayering.of("dev.microshop.order")
            .applicationMayAlsoUse("org.slf4j..") // the saga logs its decisions, OrderAdmission its transitions
            .rules();
}
