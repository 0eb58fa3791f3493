package dev.kafkalab.produce;

/** Why the producer put a record where it did, in the words the produce screen shows. */
final class Placement {

    private Placement() {
    }

    static String why(String key, ProducerSettings settings, int partitions, int landed) {
        switch (settings.partitioner()) {
            case ROUND_ROBIN:
                return "RoundRobinPartitioner: the next partition in turn, key or not.";
            case PRIORITY:
                if (key != null && key.startsWith(PriorityPartitioner.URGENT_PREFIX)) {
                    return "PriorityPartitioner: the key starts with \"" + PriorityPartitioner.URGENT_PREFIX
                            + "\", so partition 0, kept for urgent records.";
                }
                return "PriorityPartitioner: not urgent, so one of partitions 1.." + (partitions - 1)
                        + (key == null ? ", in turn." : " by the key's murmur2 hash.");
            default:
                break;
        }
        if (key == null || settings.ignoreKeys()) {
            return (key == null ? "No key" : "Key ignored (partitioner.ignore.keys=true)")
                    + ": the built-in partitioner fills a batch for one partition, then moves to another"
                    + " (sticky, KIP-794). Not round-robin, as older material says.";
        }
        KeyPlacement placement = KeyPlacement.of(key, partitions);
        return placement.computation() + (placement.partition() == landed ? ", and it landed there."
                : ", but it landed in " + landed + ": did the partition count change?");
    }
}
