package dev.kafkalab.lab;

import dev.kafkalab.cluster.KafkaCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What of a lab cannot run on a cluster the app does not run: broker actions without commands, the durability demo. */
final class LabLimits {

    private LabLimits() {
    }

    /** Why some of {@code lab}'s steps cannot run on {@code cluster}, in one paragraph; empty when all can. */
    static Optional<String> cannotRun(Lab lab, KafkaCluster cluster) {
        if (cluster.isLocal() || cluster.brokerIds().isEmpty()) {
            return Optional.empty();
        }
        int any = cluster.brokerIds().get(0);
        List<String> missing = lab.brokerVerbs().stream().filter(v -> cluster.whyNot(v, any) != null)
                .map(v -> v.equals("pause") ? "freeze" : v).toList();
        List<String> said = new ArrayList<>();
        if (!missing.isEmpty()) {
            said.add("Some steps of this lab must " + String.join(" or ", missing) + " a broker, and this remote"
                    + " cluster has no command to: give broker commands (Connection > Connect to a cluster...), or take"
                    + " the lab on this machine's cluster.");
        }
        if (lab.needsOwnCluster()) {
            said.add("Its durability demo runs on this machine's cluster only: it freezes and kills brokers and reads"
                    + " each replica's log end offset, which only the app's own brokers report.");
        }
        return said.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", said));
    }
}
