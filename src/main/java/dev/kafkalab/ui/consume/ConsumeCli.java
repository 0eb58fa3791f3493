package dev.kafkalab.ui.consume;

import dev.kafkalab.consume.GroupSettings;
import dev.kafkalab.consume.GroupSettings.Assignor;
import dev.kafkalab.consume.ResetTarget;
import org.apache.kafka.clients.consumer.GroupProtocol;

/**
 * The Kafka command lines that do what the consume screen just did, so learners see how it is
 * done outside the app; with the course's {@code localhost:9092} style bootstrap.
 */
final class ConsumeCli {

    private ConsumeCli() {
    }

    /** One console consumer of the group: each member of it is one of these. */
    static String consoleConsumer(String bootstrap, GroupSettings s) {
        return "kafka-console-consumer.sh --bootstrap-server " + bootstrap + " --topic " + s.topic() + " --group "
                + s.groupId() + " --from-beginning --property print.key=true --property print.partition=true"
                + (s.protocol() == GroupProtocol.CONSUMER ? " --consumer-property group.protocol=consumer" : "")
                + (s.isolation() == GroupSettings.Isolation.READ_COMMITTED ? " --isolation-level read_committed" : "")
                + (s.assignor() != Assignor.defaultFor(s.protocol()) ? (s.protocol() == GroupProtocol.CONSUMER
                        ? " --consumer-property group.remote.assignor=" + s.assignor().remoteName()
                        : " --consumer-property partition.assignment.strategy=" + s.assignor().classicClass()) : "");
    }

    static String resetOffsets(String bootstrap, String groupId, String topic, ResetTarget target) {
        return "kafka-consumer-groups.sh --bootstrap-server " + bootstrap + " --group " + groupId + " --topic "
                + topic + " --reset-offsets " + target.option() + " --execute";
    }
}
