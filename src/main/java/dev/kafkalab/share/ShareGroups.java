package dev.kafkalab.share;

import dev.kafkalab.clients.ClientFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;

/** Starts share groups (KIP-932) for the Consume screen: the group configured, then its members. */
public final class ShareGroups {

    private final ClientFactory clients;

    public ShareGroups(ClientFactory clients) {
        this.clients = clients;
    }

    /**
     * Sets the group's configs (a share group starts at the latest offset unless told, so the
     * screen's groups start at the earliest) and starts {@code count} members on {@code topic}.
     * Blocks while the configs are set: not on the FX thread.
     */
    public List<ShareMember> start(String group, String topic, int count, AckPolicy policy,
            Consumer<Delivery> deliveries) throws Exception {
        configure(group, Map.of("share.auto.offset.reset", "earliest"));
        List<ShareMember> members = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            members.add(new ShareMember("member-" + i, group, topic, clients, policy, deliveries).start());
        }
        return members;
    }

    /** Sets group configs, as {@code kafka-configs.sh --entity-type groups --alter} does. */
    public void configure(String group, Map<String, String> configs) throws Exception {
        List<AlterConfigOp> ops = new ArrayList<>();
        configs.forEach((k, v) -> ops.add(new AlterConfigOp(new ConfigEntry(k, v), AlterConfigOp.OpType.SET)));
        clients.actions().incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.GROUP, group), ops))
                .all().get(30, TimeUnit.SECONDS);
    }
}
