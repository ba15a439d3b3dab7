package org.protectioncases;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Keeps the feature packages honest: module boundaries, private repositories, secured views and services. */
class ApplicationModulesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.protectioncases");

    @Test
    void modulesRespectTheirBoundariesAndHaveNoCycles() {
        ApplicationModules.of(Application.class).verify();
    }

    @Test
    void repositoriesAndEntitiesArePackagePrivate() {
        classes().that().haveSimpleNameEndingWith("Repository").should().notBePublic().check(CLASSES);
        classes().that().areAnnotatedWith(Entity.class).should().notBePublic().check(CLASSES);
    }

    @Test
    void viewsReachOnlyServicesAndDtos() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .orShould().dependOnClassesThat().areAnnotatedWith(Entity.class)
                .orShould().dependOnClassesThat().areAssignableTo(org.protectioncases.audit.AuditService.class)
                .orShould().dependOnClassesThat().resideInAPackage("org.springframework.jdbc..")
                .check(CLASSES);
    }

    @Test
    void everyViewCarriesAnAccessAnnotation() {
        classes().that().areAnnotatedWith(Route.class)
                .should().beAnnotatedWith(RolesAllowed.class)
                .orShould().beAnnotatedWith(PermitAll.class)
                .orShould().beAnnotatedWith(AnonymousAllowed.class)
                .orShould().beAnnotatedWith(DenyAll.class)
                .check(CLASSES);
    }

    @Test
    void everyPublicServiceMethodIsSecured() {
        // The audit trail is written by other services on behalf of their (already checked) caller.
        methods().that().arePublic()
                .and().areDeclaredInClassesThat().areAnnotatedWith(Service.class)
                .and().areDeclaredInClassesThat().resideOutsideOfPackage("org.protectioncases.audit..")
                // directly or through @Allowed(Permission.X), which carries @PreAuthorize
                .should().beAnnotatedWith(PreAuthorize.class)
                .orShould().beMetaAnnotatedWith(PreAuthorize.class)
                .orShould().beDeclaredInClassesThat().areAnnotatedWith(PreAuthorize.class)
                .orShould().beDeclaredInClassesThat().areMetaAnnotatedWith(PreAuthorize.class)
                .check(CLASSES);
    }
}
