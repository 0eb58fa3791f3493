package dev.kafkalab.lab;

/**
 * The screen a check or action belongs to: where a learner watches what it does. The UI maps
 * it to its own screens; this package knows no JavaFX.
 */
public enum LabScreen {
    CLUSTER, PRODUCE, CONSUME, CODE
}
