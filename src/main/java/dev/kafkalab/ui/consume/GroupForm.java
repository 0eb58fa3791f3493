package dev.kafkalab.ui.consume;

import dev.kafkalab.consume.GroupSettings;
import dev.kafkalab.consume.GroupSettings.Assignor;
import dev.kafkalab.consume.ResetTarget;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.apache.kafka.clients.consumer.GroupProtocol;

/**
 * The consume screen's form: the group to start (id, topic, protocol, assignor, auto commit,
 * isolation, how many members) and the offset reset to ask for. It turns what was typed into settings, or into
 * an {@link IllegalArgumentException} whose message tells the learner what to fix.
 */
public final class GroupForm {

    static final int MAX_MEMBERS = 12;

    // Properties
    private final StringProperty groupId = new SimpleStringProperty("readers");
    private final StringProperty topic = new SimpleStringProperty();
    private final ObjectProperty<GroupProtocol> protocol = new SimpleObjectProperty<>(GroupProtocol.CLASSIC);
    private final ObjectProperty<Assignor> assignor = new SimpleObjectProperty<>(Assignor.RANGE);
    private final ObservableList<Assignor> assignors = FXCollections.observableArrayList();
    private final BooleanProperty autoCommit = new SimpleBooleanProperty(true);
    private final BooleanProperty readCommitted = new SimpleBooleanProperty(false);
    private final IntegerProperty memberCount = new SimpleIntegerProperty(3);
    private final ObjectProperty<ResetTarget.Kind> resetKind = new SimpleObjectProperty<>(ResetTarget.Kind.EARLIEST);
    private final StringProperty resetValue = new SimpleStringProperty("");

    GroupForm() {
        // Each protocol has its own assignors: the choice offers those, and keeps the chosen one if it fits.
        protocol.addListener((o, was, p) -> fillAssignors(p));
        fillAssignors(protocol.get());
    }

    private void fillAssignors(GroupProtocol p) {
        Assignor keep = assignor.get();
        assignors.setAll(Arrays.stream(Assignor.values()).filter(a -> a.supports(p)).toList());
        assignor.set(keep != null && keep.supports(p) ? keep : Assignor.defaultFor(p));
    }

    public StringProperty groupId() {
        return groupId;
    }

    public StringProperty topic() {
        return topic;
    }

    public ObjectProperty<GroupProtocol> protocol() {
        return protocol;
    }

    public ObjectProperty<Assignor> assignor() {
        return assignor;
    }

    /** The assignors of the chosen protocol. */
    public ObservableList<Assignor> assignors() {
        return assignors;
    }

    public BooleanProperty autoCommit() {
        return autoCommit;
    }

    /** isolation.level=read_committed when set; Kafka's default, read_uncommitted, when not. */
    public BooleanProperty readCommitted() {
        return readCommitted;
    }

    public IntegerProperty memberCount() {
        return memberCount;
    }

    public ObjectProperty<ResetTarget.Kind> resetKind() {
        return resetKind;
    }

    public StringProperty resetValue() {
        return resetValue;
    }

    // Reading the form

    /** The settings of the group to start; throws with what to fix. */
    GroupSettings settings() {
        if (topic.get() == null || topic.get().isBlank()) {
            throw new IllegalArgumentException("Choose a topic first (create one on the Cluster screen).");
        }
        if (memberCount.get() < 1 || memberCount.get() > MAX_MEMBERS) {
            throw new IllegalArgumentException("Members: between 1 and " + MAX_MEMBERS + ", was " + memberCount.get()
                    + ".");
        }
        return GroupSettings.demo(trimmedGroupId(), topic.get(), protocol.get())
                .withAssignor(assignor.get())
                .withAutoCommit(autoCommit.get(), GroupSettings.DEFAULT_AUTO_COMMIT_INTERVAL_MS)
                .withIsolation(readCommitted.get() ? GroupSettings.Isolation.READ_COMMITTED
                        : GroupSettings.Isolation.READ_UNCOMMITTED);
    }

    /** Where to reset the group's offsets to; throws with what to fix. */
    ResetTarget resetTarget() {
        ResetTarget target = switch (resetKind.get()) {
            case EARLIEST -> ResetTarget.earliest();
            case LATEST -> ResetTarget.latest();
            case OFFSET -> ResetTarget.offset(parseLong(resetValue.get(), "an offset, e.g. 5"));
            case TIMESTAMP -> ResetTarget.timestamp(parseTime(resetValue.get()));
        };
        if (topic.get() == null) {
            throw new IllegalArgumentException("Choose the group's topic first.");
        }
        return target;
    }

    /** The group id as the members and the coordinator see it. */
    String trimmedGroupId() {
        return groupId.get().trim();
    }

    private static long parseLong(String text, String expected) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("Offset: write " + expected + ".");
        }
    }

    /** HH:mm or HH:mm:ss today, local time. */
    static Instant parseTime(String text) {
        try {
            LocalTime t = LocalTime.parse(text.trim());
            return t.atDate(LocalDate.now()).atZone(ZoneId.systemDefault()).toInstant();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Time: write a time of today, e.g. 09:30 or 09:30:15.");
        }
    }
}
