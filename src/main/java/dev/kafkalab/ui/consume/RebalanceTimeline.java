package dev.kafkalab.ui.consume;

import dev.kafkalab.consume.GroupEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rebalances as the members' own listeners saw them, newest first and in words: who joined,
 * was assigned, revoked or lost which partitions in which generation, and, for a partition that
 * had been taken away, how long nobody read it until someone was assigned it again.
 *
 * <p>Plain Java, not thread-safe: the view model feeds it on the UI thread.
 */
public final class RebalanceTimeline {

    /** How many lines are kept; older ones fall off. */
    public static final int KEPT = 300;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.S", Locale.ROOT);

    /** One line: the event, its words, and its member's colour (-1 for the group or an unknown member). */
    public record Line(GroupEvent event, String text, int colour) {
    }

    private final List<Line> lines = new ArrayList<>();
    /** Partitions taken from a member and not yet assigned again, since when. */
    private final Map<Integer, Instant> unownedSince = new HashMap<>();

    /**
     * Adds events in the order they happened.
     *
     * @param colours        each member's colour by name, as the members were last seen
     * @param sessionTimeout the one that applies, told with a crash
     * @return the new lines, newest first: what to put on top of the shown timeline
     */
    public List<Line> add(List<GroupEvent> events, Map<String, Integer> colours, Duration sessionTimeout) {
        List<Line> added = new ArrayList<>();
        for (GroupEvent e : events) {
            int colour = e.member() == null ? -1 : colours.getOrDefault(e.member(), -1);
            added.add(0, new Line(e, describe(e, sessionTimeout), colour));
        }
        lines.addAll(0, added);
        if (lines.size() > KEPT) {
            lines.subList(KEPT, lines.size()).clear();
        }
        return added;
    }

    /** Every line kept, newest first. */
    public List<Line> lines() {
        return List.copyOf(lines);
    }

    /** How many lines are kept now. */
    public int size() {
        return lines.size();
    }

    /** Forgets every line and every partition waiting for a reader: a new group starts. */
    public void clear() {
        lines.clear();
        unownedSince.clear();
    }

    /**
     * "09:14:03.2  member-2  assigned p2, p3 (generation 4); p3 had no reader for 1.4 s". Remembers
     * partitions taken away, and forgets them once a gap is told: a gap is told once.
     */
    String describe(GroupEvent e, Duration sessionTimeout) {
        String parts = e.partitions().isEmpty() ? "" : " " + String.join(", ",
                e.partitions().stream().map(p -> "p" + p).toList());
        String gen = e.generation() < 0 ? "" : " (generation " + e.generation() + ")";
        String text = switch (e.kind()) {
            case JOINED -> "joined" + gen;
            case ASSIGNED -> (e.partitions().isEmpty() ? "assigned nothing" : "assigned" + parts) + gen + gap(e);
            case REVOKED -> "revoked" + parts + gen;
            case LOST -> "lost" + parts + " (no chance to commit)" + gen;
            case LEFT -> "left the group";
            case CRASHED -> "crashed: the coordinator waits for the session timeout ("
                    + sessionTimeout.toMillis() / 1000.0 + " s)";
            case EXPIRED -> "dropped by the coordinator: session timed out" + parts;
            case STALLED -> "stopped polling (max.poll.interval.ms)";
            case RESUMED -> "polls again";
            case KICKED -> "left the group: no poll within max.poll.interval.ms";
            case ERROR -> "error";
        };
        if (e.kind() == GroupEvent.Kind.REVOKED || e.kind() == GroupEvent.Kind.LOST
                || e.kind() == GroupEvent.Kind.EXPIRED) {
            e.partitions().forEach(p -> unownedSince.putIfAbsent(p, e.at()));
        }
        String detail = e.detail() == null || e.detail().isBlank() ? "" : ": " + e.detail();
        return CLOCK.format(e.at().atZone(ZoneId.systemDefault())) + "  " + (e.member() == null ? "group" : e.member())
                + "  " + text + (e.kind() == GroupEvent.Kind.ERROR ? detail : "");
    }

    /** For partitions that had been taken away: how long nobody read them. */
    private String gap(GroupEvent e) {
        List<String> gaps = new ArrayList<>();
        for (int p : e.partitions()) {
            Instant since = unownedSince.remove(p);
            if (since != null) {
                gaps.add(String.format(Locale.ROOT, "p%d had no reader for %.1f s", p,
                        Duration.between(since, e.at()).toMillis() / 1000.0));
            }
        }
        return gaps.isEmpty() ? "" : "; " + String.join(", ", gaps);
    }
}
