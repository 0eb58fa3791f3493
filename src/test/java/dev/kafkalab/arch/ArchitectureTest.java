package dev.kafkalab.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.kafkalab.cluster.NodeLogProvider;
import dev.kafkalab.cluster.NodeLogger;
import dev.kafkalab.cluster.NodeMain;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The layers, checked: JavaFX scene graph and ControlsFX only in ui; no cycles between packages;
 * view models hold no Nodes; the cluster and its monitor know no feature; every Kafka client
 * comes from the one client factory.
 */
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

    @ArchTest
    static final ArchRule programLauncherStaysSelfContained = noClasses()
            .that().haveFullyQualifiedName("dev.kafkalab.code.ProgramMain")
            .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("dev.kafkalab..")
                    .and(DescribedPredicate.not(JavaClass.Predicates.belongToAnyOf(
                            dev.kafkalab.code.ProgramMain.class))))
            .because("it alone is copied into the jar a learner's program JVM starts with (ProgramClasspath)");

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("dev.kafkalab.(*)..").should().beFreeOfCycles()
            .because("each package can then be read, tested and changed from the bottom up");

    @ArchTest
    static final ArchRule noCyclesBetweenScreens = slices().matching("dev.kafkalab.ui.(*)..").should().beFreeOfCycles()
            .because("a screen is built from common parts and its own, never from another screen that needs it back");

    @ArchTest
    static final ArchRule viewModelsHoldNoNodes = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "org.controlsfx..")
            .because("a view model is tested with a direct executor and no toolkit; the view builds the nodes");

    @ArchTest
    static final ArchRule clusterAndMonitorKnowNoFeature = noClasses()
            .that().resideInAnyPackage("dev.kafkalab.cluster..", "dev.kafkalab.monitor..")
            .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("dev.kafkalab..")
                    .and(DescribedPredicate.not(JavaClass.Predicates.resideInAnyPackage("dev.kafkalab.cluster..",
                            "dev.kafkalab.monitor..", "dev.kafkalab.common..", "dev.kafkalab.clients.."))))
            .because("features (produce, consume, labs, screens) are built on the cluster, not the other way round");

    @ArchTest
    static final ArchRule clientsComeFromTheFactory = noClasses()
            .that().resideOutsideOfPackage("dev.kafkalab.clients..")
            .and(DescribedPredicate.not(JavaClass.Predicates.belongToAnyOf(NodeMain.class)))
            .should().callConstructorWhere(JavaCall.Predicates.target(HasOwner.Predicates.With.owner(
                    JavaClass.Predicates.assignableTo(KafkaProducer.class).or(JavaClass.Predicates.assignableTo(
                            KafkaConsumer.class)).or(JavaClass.Predicates.assignableTo(Admin.class)))))
            .orShould().callMethodWhere(JavaCall.Predicates.target(HasName.Predicates.name("create"))
                    .and(JavaCall.Predicates.target(HasOwner.Predicates.With.owner(
                            JavaClass.Predicates.assignableTo(Admin.class)))))
            .because("the connection (bootstrap, security) and the timeout profiles enter in clients.ClientFactory only");
}
