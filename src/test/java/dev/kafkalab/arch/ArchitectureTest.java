package dev.kafkalab.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The one hard boundary: JavaFX scene graph and ControlsFX only in ui (and the app that starts it). */
@AnalyzeClasses(packages = "dev.kafkalab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainHasNoJavaFx = noClasses()
            .that().resideOutsideOfPackages("dev.kafkalab.ui..", "dev.kafkalab.app..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
            .because("cluster, monitor and the CLI run headless and are tested without a toolkit");

    @ArchTest
    static final ArchRule appStartsUiButHoldsNoScene = noClasses()
            .that().resideInAPackage("dev.kafkalab.app..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "org.controlsfx..")
            .because("screens are built in ui; app only launches and wires");

    @ArchTest
    static final ArchRule nodeMainStaysSelfContained = noClasses()
            .that().haveFullyQualifiedName("dev.kafkalab.cluster.NodeMain")
            .should().dependOnClassesThat().resideInAPackage("dev.kafkalab..")
            .because("it is copied alone into the node jar that broker JVMs run");
}
