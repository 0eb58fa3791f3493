package dev.kafkalab.ui.consume;

import dev.kafkalab.consume.GroupEvent;
import dev.kafkalab.consume.GroupSettings;
import dev.kafkalab.consume.MemberSnapshot;
import dev.kafkalab.consume.MemberState;
import dev.kafkalab.consume.Outcome;
import dev.kafkalab.consume.SessionTimeout;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A group the test drives: it shows the members the test gives it, fires events to its listeners
 * as an in-app group's members do, and answers each command with a future the test completes.
 */
final class HandMadeGroup implements MemberGroup {

    static final Duration SESSION_TIMEOUT = Duration.ofSeconds(45);

    private final List<Consumer<GroupEvent>> listeners = new CopyOnWriteArrayList<>();
    private volatile List<MemberSnapshot> members = List.of();
    /** Commands asked, in order: "leave member-1", ... */
    final List<String> asked = new ArrayList<>();
    final List<CompletableFuture<Outcome>> answers = new ArrayList<>();
    boolean closed;
    private final GroupSettings settings;

    HandMadeGroup() {
        this(GroupSettings.demo("readers", "orders", org.apache.kafka.clients.consumer.GroupProtocol.CLASSIC));
    }

    HandMadeGroup(GroupSettings settings) {
        this.settings = settings;
    }

    @Override
    public GroupSettings settings() {
        return settings;
    }

    static MemberSnapshot member(String name, int colour, MemberState state, List<Integer> assigned,
            Instant crashedAt, Instant expiredAt) {
        return new MemberSnapshot(name, colour, "client-" + name, state, "", 1, assigned, Map.of(), Map.of(), 0,
                List.of(), null, null, crashedAt, expiredAt, null);
    }

    static MemberSnapshot member(String name, int colour, MemberState state, Integer... assigned) {
        return member(name, colour, state, List.of(assigned), null, null);
    }

    /** What the members published last. */
    void show(MemberSnapshot... now) {
        members = List.of(now);
    }

    /** As a member's listener call does, on whatever thread calls this. */
    void fire(GroupEvent event) {
        listeners.forEach(l -> l.accept(event));
    }

    int listeners() {
        return listeners.size();
    }

    @Override
    public synchronized MemberSnapshot addMember() {
        int n = members.size();
        MemberSnapshot m = member("member-" + (n + 1), n, MemberState.JOINING);
        List<MemberSnapshot> more = new ArrayList<>(members);
        more.add(m);
        members = List.copyOf(more);
        return m;
    }

    @Override
    public List<MemberSnapshot> members() {
        return members;
    }

    @Override
    public CompletableFuture<Outcome> ask(Command command, String member) {
        asked.add(command.name().toLowerCase(java.util.Locale.ROOT) + " " + member);
        CompletableFuture<Outcome> answer = new CompletableFuture<>();
        answers.add(answer);
        return answer;
    }

    @Override
    public CompletableFuture<SessionTimeout> sessionTimeout() {
        return CompletableFuture.completedFuture(new SessionTimeout(SESSION_TIMEOUT, "the test"));
    }

    @Override
    public void addListener(Consumer<GroupEvent> listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(Consumer<GroupEvent> listener) {
        listeners.remove(listener);
    }

    @Override
    public void close() {
        closed = true;
    }
}
