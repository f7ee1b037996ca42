package dev.microshop.user.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.microshop.testsupport.MicroshopLayering;

/** The dependency rules of the layers: business code knows nothing of frameworks, adapters know the business. */
@AnalyzeClasses(packages = "dev.microshop.user", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule layers_depend_only_inwards = MicroshopLayering.of("dev.microshop.user")
            .applicationMayAlsoUse("org.slf4j..") // refreshing tokens logs each refusal, a reused token as a warning
            .rules();
}
