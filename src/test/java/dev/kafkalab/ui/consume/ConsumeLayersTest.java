package dev.kafkalab.ui.consume;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** What keeps the consume screen's logic testable without a toolkit: it stays out of JavaFX. */
@AnalyzeClasses(packages = "dev.kafkalab.ui.consume", importOptions = ImportOption.DoNotIncludeTests.class)
class ConsumeLayersTest {

    @ArchTest
    static final ArchRule aggregatorsArePlainJava = noClasses()
            .that().belongToAnyOf(RebalanceTimeline.class, LagHistory.class, MemberUpdates.class, PartitionOwner.class,
                    ConsumeCli.class, MemberGroup.class)
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("they are plain Java, unit tested without JavaFX");

    @ArchTest
    static final ArchRule modelsHoldNoNode = noClasses()
            .that().belongToAnyOf(ConsumeViewModel.class, GroupForm.class, GroupOnCluster.class)
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..")
            .because("view models hold properties and commands; the screen builds the nodes");
}
