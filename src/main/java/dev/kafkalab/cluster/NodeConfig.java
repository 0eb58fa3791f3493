package dev.kafkalab.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes a node's server.properties: everything bound to 127.0.0.1, small and fast to start. */
final class NodeConfig {

    static final int CONTROLLER_ID = 100;

    private NodeConfig() {
    }

    /** {@code classPort}: the broker's listener for a class ({@link ClusterSpec#classroom()}), 0 without one. */
    static Map<String, String> properties(ClusterSpec spec, NodeRole role, int nodeId, int port, int classPort,
            int controllerPort, Path logDir) {
        Classroom classroom = spec.classroom();
        String voters = CONTROLLER_ID + "@127.0.0.1:" + controllerPort;
        int brokers = spec.brokers();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("node.id", Integer.toString(nodeId));
        p.put("controller.quorum.voters", voters);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        if (role == NodeRole.CONTROLLER) {
            p.put("process.roles", "controller");
            p.put("listeners", "CONTROLLER://127.0.0.1:" + port);
        } else {
            p.put("process.roles", "broker");
            String listeners = "PLAINTEXT://127.0.0.1:" + port;
            if (classroom != null) {
                listeners += "," + Classroom.LISTENER + "://" + classroom.address() + ":" + classPort;
                p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT," + Classroom.LISTENER
                        + ":" + classroom.securityProtocol());
                p.putAll(classroom.brokerListenerProperties());
            }
            p.put("listeners", listeners);
            p.put("advertised.listeners", listeners);
            p.put("inter.broker.listener.name", "PLAINTEXT");
        }
        if (classroom != null) {
            p.putAll(Classroom.authorizerProperties());
        }
        p.putAll(spec.timing().properties());
        // Internal topics replicated like a real cluster's, but with few partitions: fewer
        // partitions is less to create and elect, which a laptop's start time feels.
        String internalRf = Integer.toString(Math.min(3, brokers));
        p.put("offsets.topic.replication.factor", internalRf);
        p.put("offsets.topic.num.partitions", "6");
        p.put("transaction.state.log.replication.factor", internalRf);
        p.put("transaction.state.log.min.isr", Integer.toString(Math.min(2, brokers)));
        p.put("transaction.state.log.num.partitions", "6");
        p.put("share.coordinator.state.topic.replication.factor", internalRf);
        p.put("share.coordinator.state.topic.min.isr", Integer.toString(Math.min(2, brokers)));
        p.put("share.coordinator.state.topic.num.partitions", "6");
        // The 128 MiB default dedupe buffer does not fit the 128 MiB heap: the broker dies at start.
        p.put("log.cleaner.dedupe.buffer.size", "16777216");
        // A laptop runs four of these: fewer threads, less memory, same behaviour.
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("background.threads", "4");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.putAll(spec.brokerOverrides());
        return p;
    }

    static void write(Path file, Map<String, String> properties) throws IOException {
        Files.createDirectories(file.getParent());
        String text = properties.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().replace("\\", "\\\\"))
                .collect(Collectors.joining("\n", "# Written by Kafka Lab at every start: edits are lost.\n", "\n"));
        // Owner-only: a class's keystore password is in it.
        dev.kafkalab.common.PrivateFiles.write(file, text);
    }
}
