package dev.kafkalab.consume;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One in-app member at one moment, immutable. Partitions are those of the group's one topic.
 *
 * @param colour     0..7, given in turn and reused after eight members
 * @param clientId   its {@code client.id}, as the monitor's {@code MemberView} shows it
 * @param memberId   the id the coordinator gave it; empty before it joined or after it was removed
 * @param generation classic generation or new-protocol member epoch; -1 when not in the group
 * @param assigned   the partitions it owns, sorted
 * @param positions  the offset it will read next, per owned partition whose position is known
 * @param committed  the last offset it committed per partition (by hand or by auto-commit), as it saw
 *                   the commit succeed; kept after the partition moved on
 * @param recent     its last records, oldest first, at most {@link InAppGroup#RECENT_RECORDS}
 * @param stalledAt  when it stopped polling, or null
 * @param kickedAt   when its client left the group because max.poll.interval.ms passed, or null
 * @param crashedAt  when it crashed, or null: the coordinator removes it a session timeout later;
 *                   until then it keeps its partitions, which nobody reads
 * @param expiredAt  when the coordinator was seen to drop the crashed member, or null
 * @param error      why it failed, or null
 */
public record MemberSnapshot(String name, int colour, String clientId, MemberState state, String memberId,
        int generation, List<Integer> assigned, Map<Integer, Long> positions, Map<Integer, Long> committed,
        long consumed, List<ConsumedRecord> recent, Instant stalledAt, Instant kickedAt, Instant crashedAt,
        Instant expiredAt, String error) implements Serializable {

    public MemberSnapshot {
        assigned = List.copyOf(assigned);
        positions = Map.copyOf(positions);
        committed = Map.copyOf(committed);
        recent = List.copyOf(recent);
    }

    static MemberSnapshot joining(String name, int colour, String clientId) {
        return new MemberSnapshot(name, colour, clientId, MemberState.JOINING, "", -1, List.of(), Map.of(), Map.of(), 0,
                List.of(), null, null, null, null, null);
    }

    MemberSnapshot crashed(Instant at) {
        return new MemberSnapshot(name, colour, clientId, MemberState.CRASHED, memberId, generation, assigned,
                positions, committed, consumed, recent, null, kickedAt, at, null, error);
    }

    /** The coordinator dropped this crashed member: it holds nothing any more. */
    MemberSnapshot expired(Instant at) {
        return new MemberSnapshot(name, colour, clientId, state, "", -1, List.of(), Map.of(), committed, consumed,
                recent, stalledAt, kickedAt, crashedAt, at, error);
    }

    MemberSnapshot failed(String why) {
        return new MemberSnapshot(name, colour, clientId, MemberState.FAILED, "", -1, List.of(), Map.of(), committed,
                consumed, recent, null, kickedAt, crashedAt, expiredAt, why);
    }
}
