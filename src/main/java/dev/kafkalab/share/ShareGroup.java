package dev.kafkalab.share;

import dev.kafkalab.clients.ClientFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A share group the app runs (KIP-932): its members on one topic, each acknowledging by the
 * group's policy after working on each record for the group's time, and whoever listens to what
 * they get. The Consume screen and the labs' steps act on the same one.
 */
public final class ShareGroup implements AutoCloseable {

    private final String id;
    private final String topic;
    private final ClientFactory clients;
    private final List<ShareMember> members = new CopyOnWriteArrayList<>();
    private final List<Consumer<Delivery>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger named = new AtomicInteger();
    private volatile AckPolicy policy;
    private volatile int workMs;
    private final String deadLetter;

    ShareGroup(String id, String topic, ClientFactory clients, AckPolicy policy, String deadLetter) {
        this.id = id;
        this.topic = topic;
        this.clients = clients;
        this.policy = policy;
        this.deadLetter = deadLetter;
    }

    /** Its dead-letter topic, or null. */
    public String deadLetter() {
        return deadLetter;
    }

    public String id() {
        return id;
    }

    public String topic() {
        return topic;
    }

    public AckPolicy policy() {
        return policy;
    }

    public int work() {
        return workMs;
    }

    /** Every member, those that crashed or stopped included, in the order they joined. */
    public List<ShareMember> members() {
        return List.copyOf(members);
    }

    /** The members still running. */
    public List<ShareMember> live() {
        return members.stream().filter(ShareMember::alive).toList();
    }

    public Optional<ShareMember> member(String name) {
        return members.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** A new member, named member-N, with the group's policy and work time. */
    public ShareMember addMember() {
        ShareMember m = new ShareMember("member-" + named.incrementAndGet(), id, topic, clients, policy,
                d -> listeners.forEach(l -> l.accept(d)));
        m.work(workMs);
        members.add(m);
        return m.start();
    }

    /** A policy for every member from their next record on ({@code member}: for that one only). */
    public void policy(AckPolicy next, Optional<String> member) {
        if (member.isEmpty()) {
            policy = next;
            members.forEach(m -> m.policy(next));
        } else {
            member(member.get()).orElseThrow(() -> new IllegalArgumentException("group " + id + " has no member "
                    + member.get())).policy(next);
        }
    }

    /** How long each member works on a record before it answers ({@code member}: that one only). */
    public void work(int millis, Optional<String> member) {
        if (member.isEmpty()) {
            workMs = millis;
            members.forEach(m -> m.work(millis));
        } else {
            member(member.get()).orElseThrow(() -> new IllegalArgumentException("group " + id + " has no member "
                    + member.get())).work(millis);
        }
    }

    /** Crashes the named member, or one working on a batch (else the newest that got records); empty when none is live. */
    public Optional<ShareMember> crash(Optional<String> name) {
        Optional<ShareMember> victim = name.flatMap(this::member).filter(ShareMember::alive).or(() -> {
            List<ShareMember> live = live();
            // One in the middle of a batch, so that it dies holding records; else the newest that got some.
            List<ShareMember> working = live.stream().filter(ShareMember::working).toList();
            List<ShareMember> busy = !working.isEmpty() ? working
                    : live.stream().filter(m -> !m.deliveries().isEmpty()).toList();
            List<ShareMember> pick = busy.isEmpty() ? live : busy;
            return pick.isEmpty() ? Optional.empty() : Optional.of(pick.get(pick.size() - 1));
        });
        victim.ifPresent(ShareMember::crash);
        return victim;
    }

    /** A person's answer to a record a member holds (see {@link ShareMember#answer}). */
    public void answer(Delivery held, org.apache.kafka.clients.consumer.AcknowledgeType type) {
        member(held.member()).filter(ShareMember::alive)
                .orElseThrow(() -> new IllegalStateException(held.member() + " is not running"))
                .answer(held.partition(), held.offset(), type);
    }

    /** Hears every record any member gets, on that member's thread; the returned action stops it. */
    public Runnable onDelivery(Consumer<Delivery> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** What every member got, oldest first. */
    public List<Delivery> deliveries() {
        List<Delivery> all = new ArrayList<>();
        members.forEach(m -> all.addAll(m.deliveries()));
        all.sort(Comparator.comparing(Delivery::at));
        return all;
    }

    /** Its members leave; what they hold unacknowledged is released for others. */
    @Override
    public void close() {
        // All told first, then each waited for: they leave together, not one after another.
        members.forEach(ShareMember::stopSoon);
        members.forEach(ShareMember::close);
    }
}
