package dev.kafkalab.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.kafkalab.cluster.NodeLogProvider;
import dev.kafkalab.cluster.NodeLogger;
import dev.kafkalab.cluster.NodeMain;

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
    static final ArchRule nodeJarStaysSelfContained = noClasses()
            .that().haveFullyQualifiedName("dev.kafkalab.cluster.NodeMain")
            .or().haveFullyQualifiedName("dev.kafkalab.cluster.NodeLogProvider")
            .or().haveFullyQualifiedName("dev.kafkalab.cluster.NodeLogger")
            .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("dev.kafkalab..")
                    .and(DescribedPredicate.not(JavaClass.Predicates.belongToAnyOf(
                            NodeMain.class, NodeLogProvider.class, NodeLogger.class))))
            .because("they alone are copied into the node jar that broker JVMs run (NodeClasspath.NODE_JAR_CLASSES)");
}
