package dev.kafkalab.cluster;

import dev.kafkalab.clients.ClientFactory;
import dev.kafkalab.clients.Connection;
import dev.kafkalab.clients.ConnectionCheck;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last step of starting a cluster that is open to a class: each learner's login and ACLs, a
 * client.properties per learner, and a check that the first learner logs in on the class
 * listeners. What it says is for the instructor: one line for the app, the whole story for the
 * terminal.
 *
 * @param summary one sentence: where learners connect and how many can
 * @param details how learners connect, what they may use, and (for made-up learners) their passwords
 */
public record ClassroomOpening(String summary, List<String> details) {

    private static final Logger LOG = LoggerFactory.getLogger(ClassroomOpening.class);
    static final Duration ACCESS_TIMEOUT = Duration.ofSeconds(30);
    static final Duration LOGIN_CHECK = Duration.ofSeconds(20);

    /**
     * Opens {@code cluster}, whose nodes run, to its class.
     *
     * @throws ClusterException when the logins or ACLs cannot be set, or the first learner cannot log in
     */
    static ClassroomOpening open(ClusterSpec spec, String loopbackBootstrap, String classBootstrap) {
        Classroom classroom = spec.classroom();
        List<String> details = new ArrayList<>();
        try (ClientFactory clients = new ClientFactory(loopbackBootstrap)) {
            details.add(new ClassroomAccess(clients.actions(), ACCESS_TIMEOUT.toMillis()).apply(classroom));
        }
        Path folder = spec.dataDir().resolve("class");
        try {
            ClassroomFiles.write(folder, classroom, classBootstrap);
        } catch (IOException e) {
            LOG.warn("Could not write the learners' files in {}", folder, e);
            details.add("Warning: could not write the learners' client.properties files in " + folder + ": "
                    + e.getMessage());
        }
        String first = classroom.users().keySet().iterator().next();
        Connection learner = classroom.connection(classBootstrap, first);
        ConnectionCheck.Result check = ConnectionCheck.untilOk(learner, LOGIN_CHECK);
        if (!check.ok()) {
            throw new ClusterException(first + " cannot log in on the class listeners " + classBootstrap + ": "
                    + check.message());
        }
        try {
            if (java.net.InetAddress.getByName(classroom.address()).isLoopbackAddress()) {
                details.add("Note: " + classroom.address() + " is a loopback address: only this machine reaches it. For"
                        + " learners on other machines, give --listen this machine's address on the class network ("
                        + String.join(", ", Classroom.localAddresses()) + ").");
            }
        } catch (java.net.UnknownHostException e) {
            // Resolved when the options were read.
        }
        details.add("Class listeners: " + classBootstrap + " (" + classroom.securityProtocol() + ", "
                + Classroom.MECHANISM + "); checked: " + first + " logs in.");
        details.add("Each learner uses topics, groups and transactional ids named with their name and a dash first"
                + " (alice-orders), and the shared topics " + Classroom.SHARED_PREFIX + "*"
                + (classroom.sharedTopics().isEmpty() ? "" : ", " + String.join(", ", classroom.sharedTopics()))
                + ". Inter-broker and controller traffic stays on 127.0.0.1, where this machine keeps full control ("
                + loopbackBootstrap + ", no login).");
        details.add("Learners connect with a client.properties like this one (each learner's is in " + folder + "):");
        classroom.clientProperties(classBootstrap, first).lines().forEach(l -> details.add("    " + l));
        details.add("  e.g. kafka-topics.sh --bootstrap-server " + classBootstrap.split(",")[0]
                + " --command-config " + first + ".properties --list");
        if (classroom.generated()) {
            details.add("Learners (made up for this class, kept in " + spec.dataDir().resolve(ClassroomFiles.GENERATED)
                    + "):");
            classroom.users().forEach((name, password) -> details.add("    " + name + " " + password));
        }
        String summary = "Open to the class at " + classBootstrap + " (" + classroom.securityProtocol() + ", "
                + Classroom.MECHANISM + "): " + classroom.users().size() + " learners can log in; their"
                + " client.properties files are in " + folder + ".";
        return new ClassroomOpening(summary, List.copyOf(details));
    }
}
