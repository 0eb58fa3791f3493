package dev.kafkalab.ui.consume;

import java.util.List;
import java.util.Optional;

/**
 * Every consumer group the app runs, whoever started it (the consume screen, a lab step), as the
 * consume screen follows them: {@code consume.ConsumerGroups} in the app, a hand-made list in tests.
 */
public interface GroupDirectory {

    /** The ids of the groups running now, oldest first. */
    List<String> running();

    /** The running group with this id. */
    Optional<MemberGroup> find(String groupId);

    /** {@code changed} runs, on any thread, after a group started or stopped. */
    void onChange(Runnable changed);

    /** The share groups the app runs now: shown in their own pane, not among the other clients. */
    default List<String> shareGroups() {
        return List.of();
    }

    /** The programs the app runs now (the Code screen's, a lab step's), each in a few words. */
    default List<String> programs() {
        return List.of();
    }
}
