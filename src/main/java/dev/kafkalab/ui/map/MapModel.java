package dev.kafkalab.ui.map;

import java.util.List;
import java.util.Optional;

/**
 * What the cluster map draws for one snapshot and one topic: a column per node with a tile per
 * replica it holds, the writes arriving at the leaders, and the group members reading them.
 *
 * @param topic   the topic shown, or null when there is none to show
 * @param columns the controller first, then the brokers in id order
 * @param writes  per partition with records arriving since the snapshot before, to its leader
 * @param readers every member of a group that owns partitions of the topic, group by group
 * @param writers the clients known to write (the app's programs that run); the cluster does not
 *                name its producers
 * @param scale   the longest log end of the topic's replicas: tiles are filled against it
 */
public record MapModel(String topic, List<Column> columns, List<Write> writes, List<Reader> readers,
        List<String> writers, long scale) {

    public static final MapModel EMPTY = new MapModel(null, List.of(), List.of(), List.of(), List.of(), 0);

    public MapModel {
        columns = List.copyOf(columns);
        writes = List.copyOf(writes);
        readers = List.copyOf(readers);
        writers = List.copyOf(writers);
    }

    public Optional<Column> column(int id) {
        return columns.stream().filter(c -> c.id() == id).findFirst();
    }

    /** The tile of {@code partition} on {@code broker}, if that broker holds a replica of it. */
    public Optional<Tile> tile(int broker, int partition) {
        return column(broker).flatMap(c -> c.tiles().stream().filter(t -> t.partition() == partition).findFirst());
    }

    /** The broker that leads {@code partition}, if one does. */
    public Optional<Integer> leader(int partition) {
        return columns.stream().flatMap(c -> c.tiles().stream())
                .filter(t -> t.partition() == partition && t.role() == Role.LEADER).map(Tile::broker).findFirst();
    }

    /** How a node looks: its process as the app runs it, or as the controller sees it. */
    public enum Look {
        RUNNING, STARTING, STOPPING, STOPPED, KILLED, CRASHED, FROZEN, FENCED, UNKNOWN;

        /** Dark: no process, nothing served. */
        public boolean down() {
            return this == STOPPED || this == KILLED || this == CRASHED;
        }

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What a replica is to its partition. */
    public enum Role {
        /** Takes the writes and serves the reads. */
        LEADER,
        /** A follower with everything the leader committed, in the ISR. */
        IN_SYNC,
        /** A follower out of the ISR. */
        OUT_OF_SYNC,
        /** Out of the ISR, but safe to elect (KIP-966, eligible leader replica). */
        ELIGIBLE,
        /** On a broker that is down, or of a partition with no leader. */
        OFFLINE;

        public String word() {
            return switch (this) {
                case LEADER -> "leader";
                case IN_SYNC -> "in sync";
                case OUT_OF_SYNC -> "out of sync";
                case ELIGIBLE -> "eligible leader";
                case OFFLINE -> "offline";
            };
        }
    }

    /**
     * A node's column.
     *
     * @param controller the KRaft controller (it holds no replicas)
     * @param active     for the controller: the quorum's leader
     * @param note       what the controller knows of the brokers ("registered 1, 2, 3 · fenced 2"),
     *                   or for a broker, how many of the topic's partitions it leads
     */
    public record Column(int id, String label, boolean controller, Look look, boolean active, List<Tile> tiles,
            String note) {
        public Column {
            tiles = List.copyOf(tiles);
        }
    }

    /**
     * One replica.
     *
     * @param logEnd    its log end offset, or -1 when its broker did not say (down, or not ours)
     * @param behind    records the leader has that it lacks (0 for the leader, -1 when unknown)
     * @param lastSeen  for a replica on a broker that is down: true when {@code logEnd} is its
     *                  last report before it went down
     * @param lastStable the partition's last stable offset, or -1 when unknown: below the high
     *                  watermark while a transaction is open
     */
    public record Tile(int partition, int broker, Role role, long logEnd, long highWatermark, long logStart,
            long behind, boolean lastSeen, long lastStable) {

        /** A transaction is open: read_committed readers stop at the last stable offset. */
        public boolean transactionOpen() {
            return lastStable >= 0 && highWatermark >= 0 && lastStable < highWatermark;
        }

        public String name() {
            return "P" + partition;
        }
    }

    /** Records arriving at a partition's leader, per second over the last snapshot interval. */
    public record Write(int partition, int leader, double perSecond) {
    }

    /**
     * A group member that reads the topic, and how far its group is behind on the partitions it
     * owns ({@code lag} -1: none of them has a commit yet, so it is unknown).
     */
    public record Reader(String group, String member, String clientId, List<Integer> partitions, long lag) {
        public Reader {
            partitions = List.copyOf(partitions);
        }

        /** The member's key across snapshots. */
        public String key() {
            return group + "/" + member;
        }
    }
}
