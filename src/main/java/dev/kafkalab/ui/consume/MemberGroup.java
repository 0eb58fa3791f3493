package dev.kafkalab.ui.consume;

import dev.kafkalab.consume.ConsumerGroups;
import dev.kafkalab.consume.GroupEvent;
import dev.kafkalab.consume.GroupSettings;
import dev.kafkalab.consume.InAppGroup;
import dev.kafkalab.consume.MemberSnapshot;
import dev.kafkalab.consume.Outcome;
import dev.kafkalab.consume.SessionTimeout;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * What the consume screen does with a group of members: an {@link InAppGroup} of the app's
 * {@link ConsumerGroups} (see {@link #of}); a test hands the view model a group of its own and fires its events to the
 * listeners as an in-app group's members do.
 */
public interface MemberGroup extends AutoCloseable {

    /** What the group was started with: its id, topic, protocol. */
    GroupSettings settings();

    /** Starts a member; may block while its client resolves and connects. */
    MemberSnapshot addMember();

    /** Every member ever added, in order, each as it last published itself. */
    List<MemberSnapshot> members();

    /** What can be asked of one member: {@link InAppGroup#leave}, {@link InAppGroup#crash}, and so on. */
    enum Command { LEAVE, CRASH, STALL, RESUME, COMMIT }

    /** Asks a member; the future never fails: a refusal is an outcome that says why. */
    CompletableFuture<Outcome> ask(Command command, String member);

    CompletableFuture<SessionTimeout> sessionTimeout();

    /** {@code listener} runs on a member's thread. */
    void addListener(Consumer<GroupEvent> listener);

    void removeListener(Consumer<GroupEvent> listener);

    /** Every member leaves; blocks until they have. */
    @Override
    void close();

    /** The group behind this view of it: two views of one group answer the same object. */
    default Object identity() {
        return this;
    }

    /** The in-app group as a {@code MemberGroup}, closed through {@code registry}, which tells the screens. */
    static MemberGroup of(InAppGroup group, ConsumerGroups registry) {
        return new MemberGroup() {
            @Override
            public GroupSettings settings() {
                return group.settings();
            }

            @Override
            public Object identity() {
                return group;
            }

            @Override
            public MemberSnapshot addMember() {
                return group.addMember();
            }

            @Override
            public List<MemberSnapshot> members() {
                return group.members();
            }

            @Override
            public CompletableFuture<Outcome> ask(Command command, String member) {
                return switch (command) {
                    case LEAVE -> group.leave(member);
                    case CRASH -> group.crash(member);
                    case STALL -> group.stall(member);
                    case RESUME -> group.resume(member);
                    case COMMIT -> group.commit(member);
                };
            }

            @Override
            public CompletableFuture<SessionTimeout> sessionTimeout() {
                return group.sessionTimeout();
            }

            @Override
            public void addListener(Consumer<GroupEvent> listener) {
                group.addListener(listener);
            }

            @Override
            public void removeListener(Consumer<GroupEvent> listener) {
                group.removeListener(listener);
            }

            @Override
            public void close() {
                registry.stop(group);
            }
        };
    }
}
