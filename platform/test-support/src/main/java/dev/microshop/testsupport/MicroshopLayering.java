package dev.microshop.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The layering every microshop service follows (docs/architecture.md, "Inside a service"), as ArchUnit rules over
 * one service's base package: business code knows nothing of frameworks, adapters know the business, nobody knows
 * the interfaces.
 */
public final class MicroshopLayering {

    private final String service;
    private final List<String> applicationMayAlsoUse;

    private MicroshopLayering(String service, List<String> applicationMayAlsoUse) {
        this.service = service;
        this.applicationMayAlsoUse = applicationMayAlsoUse;
    }

    /** The layering of the service whose code lives under {@code servicePackage}, e.g. {@code dev.microshop.order}. */
    public static MicroshopLayering of(String servicePackage) {
        return new MicroshopLayering(servicePackage, List.of());
    }

    /** The same layering, with the application layer also allowed to use these packages (ArchUnit syntax). */
    public MicroshopLayering applicationMayAlsoUse(String... packages) {
        List<String> allowed = new ArrayList<>(applicationMayAlsoUse);
        allowed.addAll(List.of(packages));
        return new MicroshopLayering(service, List.copyOf(allowed));
    }

    /** All the layering rules, for one {@code @ArchTest} field. */
    public ArchRule rules() {
        return CompositeArchRule.of(domainDependsOnlyOnItselfAndTheJdk())
                .and(applicationDependsOnlyOnTheDomainAndSpringAnnotations())
                .and(adaptersReachTheBusinessOnlyThroughApplicationAndDomain());
    }

    private ArchRule domainDependsOnlyOnItselfAndTheJdk() {
        return classes()
                .that()
                .resideInAPackage(layer("domain"))
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(layer("domain"), "java..");
    }

    private ArchRule applicationDependsOnlyOnTheDomainAndSpringAnnotations() {
        List<String> allowed = new ArrayList<>(List.of(
                layer("application"),
                layer("domain"),
                "java..",
                "org.springframework.stereotype..",
                "org.springframework.transaction.annotation.."));
        allowed.addAll(applicationMayAlsoUse);
        return classes()
                .that()
                .resideInAPackage(layer("application"))
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(allowed.toArray(String[]::new));
    }

    private ArchRule adaptersReachTheBusinessOnlyThroughApplicationAndDomain() {
        return layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("Domain")
                .definedBy(layer("domain"))
                .layer("Application")
                .definedBy(layer("application"))
                .layer("Infrastructure")
                .definedBy(layer("infrastructure"))
                .layer("Interfaces")
                .definedBy(layer("interfaces"))
                .whereLayer("Interfaces")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Infrastructure")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Application")
                .mayOnlyBeAccessedByLayers("Infrastructure", "Interfaces")
                .whereLayer("Domain")
                .mayOnlyBeAccessedByLayers("Application", "Infrastructure", "Interfaces");
    }

    private String layer(String name) {
        return service + "." + name + "..";
    }
}
