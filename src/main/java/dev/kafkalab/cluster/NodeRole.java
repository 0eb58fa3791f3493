package dev.kafkalab.cluster;

/** What a node of the local cluster does. */
public enum NodeRole {
    /** The dedicated KRaft controller: holds the metadata, never any partition. */
    CONTROLLER,
    /** A broker: holds partitions and serves clients. */
    BROKER;

    /** How the node is named to people: "broker 2", "controller". */
    public String label(int id) {
        return this == CONTROLLER ? "controller" : "broker " + id;
    }
}
