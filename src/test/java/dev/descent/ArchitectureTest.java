package dev.descent;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** DESIGN.md's package rules. Never switched off. */
@AnalyzeClasses(packages = "dev.descent", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreIsPure = noClasses().that().resideInAPackage("dev.descent.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "javafx..", "java.awt..", "javax.swing..", "jcuda..",
                    "dev.descent.ui..", "dev.descent.cli..", "dev.descent.cuda..")
            .because("the numeric core runs in a plain JVM and is what the tests hammer");

    @ArchTest
    static final ArchRule cudaSeesOnlyCompute = noClasses().that().resideInAPackage("dev.descent.cuda..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.descent.ui..", "dev.descent.cli..", "javafx..",
                    "dev.descent.core.surface..", "dev.descent.core.optim..", "dev.descent.core.schedule..",
                    "dev.descent.core.race..", "dev.descent.core.nn..", "dev.descent.core.data..",
                    "dev.descent.core.preset..")
            .allowEmptyShould(true)
            .because("the CUDA backend plugs in behind core.compute and knows nothing else");

    @ArchTest
    static final ArchRule uiChoosesBackendsThroughCore = noClasses().that().resideInAPackage("dev.descent.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.descent.cuda..", "jcuda..", "dev.descent.cli..")
            .because("backends are chosen through core.compute; the UI never names CUDA");

    @ArchTest
    static final ArchRule cliUsesOnlyUiExport = noClasses().that().resideInAPackage("dev.descent.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.descent.cuda..", "jcuda..")
            .because("the command line chooses backends through core.compute");

    @ArchTest
    static final ArchRule cliTouchesUiOnlyForExport = noClasses().that().resideInAPackage("dev.descent.cli..")
            .should().dependOnClassesThat(resideInAPackage("dev.descent.ui..")
                    .and(not(resideInAPackage("dev.descent.ui.export.."))))
            .because("the command line renders figures headless through ui.export only");
}
