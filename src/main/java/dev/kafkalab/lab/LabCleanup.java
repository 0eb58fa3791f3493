package dev.kafkalab.lab;

import dev.kafkalab.common.Wait;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/** What a lab's reset waits for and removes through the Admin client: brokers back, topics and groups gone. */
final class LabCleanup {

    private final Admin admin;

    LabCleanup(Admin admin) {
        this.admin = admin;
    }

    void awaitBrokersServing(int brokers) {
        if (!awaitQuietly(Duration.ofSeconds(60), () -> admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size()
                >= brokers)) {
            throw new IllegalStateException("not every broker came back within 60 s: see the Cluster screen");
        }
    }

    List<String> existingTopics(List<String> wanted) {
        try {
            var names = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            return wanted.stream().filter(names::contains).toList();
        } catch (Exception e) {
            throw new IllegalStateException("could not list the topics: " + dev.kafkalab.common.Failures.message(e));
        }
    }

    void awaitGone(List<String> deleted) {
        if (!awaitQuietly(Duration.ofSeconds(30), () -> existingTopics(deleted).isEmpty())) {
            throw new IllegalStateException("the topics " + deleted + " were still there after 30 s");
        }
    }

    void deleteGroups(List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        for (String id : ids) {
            try {
                admin.deleteConsumerGroups(List.of(id)).all().get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                    // A group whose members are still leaving: its offsets go with the topic anyway.
                    continue;
                }
            } catch (Exception e) {
                // Best effort: a leftover empty group does not break the lab.
            }
        }
    }

    void deleteShareGroups(List<String> ids) {
        if (!ids.isEmpty()) {
            try {
                admin.deleteShareGroups(ids).all().get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                // Best effort, as for consumer groups: a group never started, or still emptying, is no reason to fail.
            }
        }
    }

    /** Whether {@code done} came true within {@code timeout}; false when interrupted. */
    static boolean awaitQuietly(Duration timeout, Wait.Check<Boolean> done) {
        try {
            return Wait.upTo(timeout, "the cluster").every(Duration.ofMillis(200)).holds(done);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
