package org.protectioncases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module picture in {@code docs/modules/} is generated from the code, not drawn by hand (issue #18):
 * Spring Modulith's {@link Documenter} writes the PlantUML (C4) component diagram, and this test writes a
 * Mermaid version of the same edges (GitHub renders Mermaid, not PlantUML). The test fails when the checked-in
 * files differ from what the code says; {@code -Dmodules.update=true} rewrites them.
 */
class ModuleDiagramTest {

    private static final Path DOCS = Path.of("docs", "modules");
    private static final Path GENERATED = Path.of("target", "module-docs");

    @Test
    void theCheckedInModuleDiagramsAreTheOnesTheCodeGives() throws IOException {
        ApplicationModules modules = ApplicationModules.of(Application.class);
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
                .writeModulesAsPlantUml();
        String plantUml = sortedRelations(Files.readString(GENERATED.resolve("components.puml")));
        String mermaid = mermaid(modules);
        if (Boolean.getBoolean("modules.update")) {
            Files.createDirectories(DOCS);
            Files.writeString(DOCS.resolve("components.puml"), plantUml);
            Files.writeString(DOCS.resolve("modules.md"), mermaid);
        }
        assertThat(DOCS.resolve("components.puml")).as("docs/modules/components.puml is stale: run ./mvnw test"
                + " -Dtest=ModuleDiagramTest -Dmodules.update=true and commit it").hasContent(plantUml);
        assertThat(DOCS.resolve("modules.md")).as("docs/modules/modules.md is stale: run ./mvnw test"
                + " -Dtest=ModuleDiagramTest -Dmodules.update=true and commit it").hasContent(mermaid);
        assertThat(mermaid).contains("cases --> people");
    }

    /** The Documenter writes the relations in hash order, which changes from run to run: sorted, the file changes only with the code. */
    static String sortedRelations(String plantUml) {
        List<String> lines = plantUml.lines().toList();
        java.util.function.Predicate<String> listed = l -> l.startsWith("Rel(") || l.strip().startsWith("Component(");
        java.util.Iterator<String> sorted = lines.stream().filter(listed).sorted().iterator();
        return lines.stream().map(l -> listed.test(l) ? sorted.next() : l).collect(Collectors.joining("\n", "", "\n"));
    }

    /** The module's name as its package names it (Modulith 2 deprecated {@code getName()} for the identifier). */
    private static String name(ApplicationModule module) {
        return module.getIdentifier().toString();
    }

    /** One node per module, one arrow per direct dependency (any kind), sorted so the file only changes with the code. */
    static String mermaid(ApplicationModules modules) {
        List<ApplicationModule> sorted = modules.stream().sorted(Comparator.comparing(ModuleDiagramTest::name)).toList();
        String edges = sorted.stream()
                .flatMap(m -> m.getDirectDependencies(modules).uniqueModules()
                        .filter(d -> !name(d).equals(name(m)))
                        .map(d -> "    " + name(m) + " --> " + name(d)))
                .distinct().sorted().collect(Collectors.joining("\n"));
        return "# Modules and who may call whom (generated)\n\n"
                + "Written by `ModuleDiagramTest` from the code (Spring Modulith's view of the packages); do not edit by hand.\n"
                + "An arrow means \"uses\". `shared` is left out: every module uses it.\n"
                + "The same graph as a C4 component diagram: [components.puml](components.puml).\n\n"
                + "```mermaid\nflowchart LR\n" + edges.lines().filter(l -> !l.endsWith("--> shared")).collect(Collectors.joining("\n"))
                + "\n```\n";
    }
}
