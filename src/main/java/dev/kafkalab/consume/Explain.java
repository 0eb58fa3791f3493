package dev.kafkalab.consume;

import dev.kafkalab.common.Failures;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.GroupProtocol;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.InvalidSessionTimeoutException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/** Consumer failures in the course's words. */
final class Explain {

    private Explain() {
    }

    static String failure(Throwable t, GroupSettings settings) {
        Throwable c = Failures.rootCause(t);
        if (c instanceof InvalidSessionTimeoutException) {
            return "the broker refused session.timeout.ms=" + settings.sessionTimeoutMs() + ": it must lie between the"
                    + " broker's group.min.session.timeout.ms and group.max.session.timeout.ms";
        }
        if (c instanceof UnsupportedVersionException && settings.protocol() == GroupProtocol.CONSUMER) {
            return "the broker does not speak the new group protocol (group.protocol=consumer needs Kafka 4.0 or a"
                    + " 3.7+ broker with it enabled): " + c.getMessage();
        }
        if (c instanceof GroupAuthorizationException) {
            return "not allowed to use group " + settings.groupId() + ": " + c.getMessage();
        }
        return c.getClass().getSimpleName() + ": " + Failures.message(c);
    }

    static String commitFailure(Throwable t) {
        Throwable c = Failures.rootCause(t);
        if (c instanceof CommitFailedException || c instanceof RebalanceInProgressException) {
            return "the group rebalanced and the partitions may belong to another member now, so the coordinator"
                    + " refused the commit (" + c.getClass().getSimpleName() + ")";
        }
        if (c instanceof TimeoutException) {
            return "no answer from the group coordinator in time: is its broker stopped, killed or frozen?";
        }
        return c.getClass().getSimpleName() + ": " + Failures.message(c);
    }
}
