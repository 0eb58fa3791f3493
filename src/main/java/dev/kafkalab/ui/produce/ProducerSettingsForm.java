package dev.kafkalab.ui.produce;

import dev.kafkalab.produce.ProducerSettings;
import dev.kafkalab.produce.ProducerSettings.Acks;
import dev.kafkalab.produce.ProducerSettings.Compression;
import dev.kafkalab.produce.ProducerSettings.PartitionerChoice;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/**
 * The producer settings of the produce screen, each field starting at Kafka's default, and the
 * {@link ProducerSettings} they describe, or why Kafka would refuse them.
 */
public final class ProducerSettingsForm {

    private static final ProducerSettings DEFAULTS = ProducerSettings.DEFAULTS;

    // Properties: the fields
    private final ObjectProperty<Acks> acks = new SimpleObjectProperty<>(DEFAULTS.acks());
    private final BooleanProperty idempotence = new SimpleBooleanProperty(DEFAULTS.idempotence());
    private final IntegerProperty lingerMs = new SimpleIntegerProperty(DEFAULTS.lingerMs());
    private final IntegerProperty batchSize = new SimpleIntegerProperty(DEFAULTS.batchSize());
    private final ObjectProperty<Compression> compression = new SimpleObjectProperty<>(DEFAULTS.compression());
    private final ObjectProperty<PartitionerChoice> partitioner = new SimpleObjectProperty<>(DEFAULTS.partitioner());
    private final BooleanProperty ignoreKeys = new SimpleBooleanProperty(DEFAULTS.ignoreKeys());
    private final IntegerProperty retries = new SimpleIntegerProperty(DEFAULTS.retries());
    private final IntegerProperty deliveryTimeoutMs = new SimpleIntegerProperty(DEFAULTS.deliveryTimeoutMs());
    private final IntegerProperty maxInFlight = new SimpleIntegerProperty(DEFAULTS.maxInFlight());

    // Properties: what they describe
    private final ObjectProperty<ProducerSettings> settings = new SimpleObjectProperty<>(DEFAULTS);
    private final StringProperty settingsError = new SimpleStringProperty("");
    private final StringProperty settingsNote = new SimpleStringProperty("");

    public ProducerSettingsForm() {
        List<ObservableValue<?>> fields = List.of(acks, idempotence, lingerMs, batchSize, compression, partitioner,
                ignoreKeys, retries, deliveryTimeoutMs, maxInFlight);
        fields.forEach(p -> p.addListener((o, was, now) -> rebuild()));
        // Idempotence needs acks=all: choosing 0 or 1 turns it off, as the course's durability lab needs.
        // Added after the rebuild listener, so the settings end valid once idempotence is off.
        acks.addListener((o, was, now) -> {
            if (now != Acks.ALL && idempotence.get()) {
                idempotence.set(false);
                settingsNote.set("enable.idempotence turned off: it needs acks=all.");
            } else {
                settingsNote.set("");
            }
        });
    }

    public ObjectProperty<Acks> acks() {
        return acks;
    }

    public BooleanProperty idempotence() {
        return idempotence;
    }

    public IntegerProperty lingerMs() {
        return lingerMs;
    }

    public IntegerProperty batchSize() {
        return batchSize;
    }

    public ObjectProperty<Compression> compression() {
        return compression;
    }

    public ObjectProperty<PartitionerChoice> partitioner() {
        return partitioner;
    }

    public BooleanProperty ignoreKeys() {
        return ignoreKeys;
    }

    public IntegerProperty retries() {
        return retries;
    }

    public IntegerProperty deliveryTimeoutMs() {
        return deliveryTimeoutMs;
    }

    public IntegerProperty maxInFlight() {
        return maxInFlight;
    }

    /** The settings the form describes, or null while it describes something Kafka refuses. */
    public ReadOnlyObjectProperty<ProducerSettings> settings() {
        return settings;
    }

    /** Why Kafka would refuse the settings; empty while they are valid. */
    public ReadOnlyStringProperty settingsError() {
        return settingsError;
    }

    /** A field the form changed by itself, and why; empty otherwise. */
    public ReadOnlyStringProperty settingsNote() {
        return settingsNote;
    }

    // Commands

    /** Back to Kafka's defaults. */
    public void reset() {
        acks.set(DEFAULTS.acks());
        idempotence.set(DEFAULTS.idempotence());
        lingerMs.set(DEFAULTS.lingerMs());
        batchSize.set(DEFAULTS.batchSize());
        compression.set(DEFAULTS.compression());
        partitioner.set(DEFAULTS.partitioner());
        ignoreKeys.set(DEFAULTS.ignoreKeys());
        retries.set(DEFAULTS.retries());
        deliveryTimeoutMs.set(DEFAULTS.deliveryTimeoutMs());
        maxInFlight.set(DEFAULTS.maxInFlight());
        settingsNote.set("");
    }

    private void rebuild() {
        try {
            settings.set(new ProducerSettings(acks.get(), idempotence.get(), lingerMs.get(), batchSize.get(),
                    compression.get(), partitioner.get(), ignoreKeys.get(), retries.get(), deliveryTimeoutMs.get(),
                    DEFAULTS.requestTimeoutMs(), maxInFlight.get()));
            settingsError.set("");
        } catch (IllegalArgumentException e) {
            settings.set(null);
            settingsError.set(e.getMessage());
        }
    }
}
