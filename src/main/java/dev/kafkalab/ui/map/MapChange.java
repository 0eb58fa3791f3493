package dev.kafkalab.ui.map;

import dev.kafkalab.ui.map.MapModel.Column;
import dev.kafkalab.ui.map.MapModel.Look;
import dev.kafkalab.ui.map.MapModel.Reader;
import dev.kafkalab.ui.map.MapModel.Role;
import dev.kafkalab.ui.map.MapModel.Tile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What changed between two maps of the same topic, as the map animates it. Each change is shown
 * after the new state is drawn: motion points at what happened, it never holds the state back.
 */
public sealed interface MapChange {

    /** The leader of a partition moved to another broker (or the partition lost its leader: {@code to} empty). */
    record LeaderMoved(int partition, int from, Optional<Integer> to) implements MapChange {
    }

    /** A follower left the in-sync replicas (out of sync, eligible, or offline with its broker). */
    record LeftIsr(int partition, int broker, Role now) implements MapChange {
    }

    /** A follower caught up and is in sync again. */
    record JoinedIsr(int partition, int broker) implements MapChange {
    }

    /** A node's look changed: down, frozen, fenced, back. */
    record NodeChanged(int id, Look from, Look to) implements MapChange {
    }

    /** A member's partitions changed: a rebalance moved some away from it or to it. */
    record Reassigned(String member, String group, Set<Integer> lost, Set<Integer> gained) implements MapChange {
    }

    /** The changes from {@code before} to {@code after}; none when they show different topics. */
    static List<MapChange> between(MapModel before, MapModel after) {
        List<MapChange> changes = new ArrayList<>();
        Map<Integer, Column> was = before.columns().stream().collect(Collectors.toMap(Column::id, Function.identity()));
        for (Column c : after.columns()) {
            Column old = was.get(c.id());
            if (old != null && old.look() != c.look()) {
                changes.add(new NodeChanged(c.id(), old.look(), c.look()));
            }
        }
        if (!Objects.equals(before.topic(), after.topic()) || after.topic() == null) {
            return changes;
        }
        Set<Integer> partitions = new HashSet<>();
        after.columns().forEach(c -> c.tiles().forEach(t -> partitions.add(t.partition())));
        for (int p : partitions.stream().sorted().toList()) {
            Optional<Integer> from = before.leader(p);
            Optional<Integer> to = after.leader(p);
            if (from.isPresent() && !from.equals(to)) {
                changes.add(new LeaderMoved(p, from.get(), to));
            }
        }
        for (Column c : after.columns()) {
            for (Tile t : c.tiles()) {
                Optional<Tile> old = before.tile(c.id(), t.partition());
                if (old.isEmpty()) {
                    continue;
                }
                boolean wasIn = old.get().role() == Role.IN_SYNC;
                boolean isIn = t.role() == Role.IN_SYNC;
                // A broker gone down is its column's change; this is the ISR's own.
                if (wasIn && t.role() != Role.IN_SYNC && t.role() != Role.LEADER && !c.look().down()) {
                    changes.add(new LeftIsr(t.partition(), c.id(), t.role()));
                } else if (!wasIn && old.get().role() != Role.LEADER && isIn) {
                    changes.add(new JoinedIsr(t.partition(), c.id()));
                }
            }
        }
        Map<String, Reader> readers = before.readers().stream()
                .collect(Collectors.toMap(Reader::key, Function.identity(), (a, b) -> a));
        Set<String> seen = new HashSet<>();
        for (Reader r : after.readers()) {
            seen.add(r.key());
            Reader old = readers.get(r.key());
            Set<Integer> had = old == null ? Set.of() : Set.copyOf(old.partitions());
            Set<Integer> has = Set.copyOf(r.partitions());
            if (!had.equals(has)) {
                changes.add(new Reassigned(r.member(), r.group(), minus(had, has), minus(has, had)));
            }
        }
        for (Reader gone : before.readers()) {
            if (!seen.contains(gone.key()) && !gone.partitions().isEmpty()) {
                changes.add(new Reassigned(gone.member(), gone.group(), Set.copyOf(gone.partitions()), Set.of()));
            }
        }
        return changes;
    }

    private static Set<Integer> minus(Set<Integer> a, Set<Integer> b) {
        Set<Integer> out = new java.util.TreeSet<>(a);
        out.removeAll(b);
        return out;
    }
}
