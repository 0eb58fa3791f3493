package dev.kafkalab.clients;

import dev.kafkalab.common.Failures;
import dev.kafkalab.common.Wait;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tries a connection before the app uses it, and says in one sentence what is wrong: a server
 * that cannot be reached, a TLS handshake that fails, a login refused, a user not allowed to
 * describe the cluster, or a cluster that does not answer. Never hangs: it answers within
 * {@link #LIMIT}.
 */
public final class ConnectionCheck {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionCheck.class);
    /** The longest a check takes, a wrong bootstrap included. */
    public static final Duration LIMIT = Duration.ofSeconds(10);
    private static final int SOCKET_MS = 3_000;

    /** What a check found: the brokers that answered and the cluster id when it worked, else the message. */
    public record Result(boolean ok, String message, List<Node> nodes, String clusterId) {

        public Result {
            nodes = List.copyOf(nodes);
        }

        static Result failed(String message) {
            return new Result(false, message, List.of(), "");
        }

        public int brokers() {
            return nodes.size();
        }
    }

    private ConnectionCheck() {
    }

    /** Tries {@code connection}: can a socket be opened, then does Kafka answer describeCluster as this user. */
    public static Result run(Connection connection) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        String unreachable = reach(connection.servers());
        if (unreachable != null) {
            return Result.failed(unreachable);
        }
        Properties p = new Properties();
        p.putAll(connection.properties());
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, connection.bootstrapServers());
        p.put(CommonClientConfigs.CLIENT_ID_CONFIG, "kafka-lab-connection-check");
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 4_000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 6_000);
        p.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, SOCKET_MS);
        p.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, SOCKET_MS);
        p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        Admin admin;
        try {
            admin = Admin.create(p);
        } catch (KafkaException e) {
            LOG.info("Connection {}: the client could not be made", connection, e);
            return Result.failed(settingsMessage(e));
        }
        try {
            DescribeClusterResult cluster = admin.describeCluster();
            long left = Math.max(1, deadline - System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(500));
            Collection<Node> nodes = cluster.nodes().get(left, TimeUnit.NANOSECONDS);
            String id = cluster.clusterId().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return new Result(true, "Connected to cluster " + id + ": " + nodes.size() + " broker(s) answer at "
                    + connection.bootstrapServers() + (connection.user().isEmpty() ? "" : " as " + connection.user()) + ".",
                    List.copyOf(nodes), id);
        } catch (ExecutionException e) {
            LOG.info("Connection {} failed", connection, e);
            return Result.failed(explain(connection, e.getCause()));
        } catch (TimeoutException e) {
            return Result.failed(silent(connection));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.failed("The check was interrupted.");
        } finally {
            admin.close(Duration.ZERO);
        }
    }

    /**
     * Checks until the connection works or {@code within} has passed: for a cluster that has just
     * started, whose logins may reach every broker a moment after they were made.
     */
    public static Result untilOk(Connection connection, Duration within) {
        Result[] last = {null};
        try {
            Wait.upTo(within, "a login on " + connection.bootstrapServers()).every(Duration.ofMillis(500)).holds(() -> {
                last[0] = run(connection);
                return last[0].ok();
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return last[0] == null ? Result.failed("The check was interrupted.") : last[0];
    }

    /** One sentence for what went wrong talking to the cluster (the cause under the futures' wrappers). */
    static String explain(Connection connection, Throwable failure) {
        Throwable cause = Failures.rootCause(failure);
        if (cause instanceof SslAuthenticationException) {
            return "The TLS handshake with " + connection.bootstrapServers() + " failed (" + firstLine(cause)
                    + "): check that the truststore holds the certificate of the cluster's CA, and that these ports speak TLS.";
        }
        if (cause instanceof SaslAuthenticationException || cause instanceof AuthenticationException) {
            String user = connection.user();
            return "The cluster refused the login" + (user.isEmpty() ? "" : " of " + user) + ": wrong user name or"
                    + " password, or the cluster does not use " + connection.properties().getOrDefault("sasl.mechanism",
                            "this mechanism") + ". (" + firstLine(cause) + ")";
        }
        if (cause instanceof AuthorizationException) {
            return "Logged in" + (connection.user().isEmpty() ? "" : " as " + connection.user()) + ", but not authorised"
                    + " to describe the cluster: ask its administrator for DESCRIBE on the cluster. (" + firstLine(cause) + ")";
        }
        if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
            return silent(connection);
        }
        return "The cluster at " + connection.bootstrapServers() + " answered with an error: " + firstLine(cause);
    }

    /** Reachable but no Kafka answer: most often the wrong security protocol for the port. */
    private static String silent(Connection connection) {
        return "The servers at " + connection.bootstrapServers() + " accept connections but gave no Kafka answer in"
                + " time: is the security protocol right (" + connection.securityProtocol()
                + ")? A TLS or SASL listener does not answer a plain client, and the other way round. Or the brokers"
                + " advertise an address this machine cannot reach (their advertised.listeners).";
    }

    private static String settingsMessage(KafkaException e) {
        Throwable c = e;
        while (c.getCause() != null && !(c instanceof ConfigException)) {
            c = c.getCause();
        }
        return "The connection's settings are wrong: " + firstLine(c instanceof ConfigException ? c : e)
                + ". Check the truststore and keystore paths and passwords.";
    }

    /**
     * Opens a socket to each server in turn (each within 3 s, all within the limit); null as soon
     * as one answers, else what went wrong with each.
     */
    static String reach(List<String> servers) {
        List<String> problems = new ArrayList<>();
        for (String server : servers) {
            int colon = server.lastIndexOf(':');
            String host = server.substring(0, colon).replace("[", "").replace("]", "");
            int port = Integer.parseInt(server.substring(colon + 1));
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), SOCKET_MS);
                return null;
            } catch (UnknownHostException e) {
                problems.add(host + " is not a known host name");
            } catch (java.net.SocketTimeoutException e) {
                problems.add(server + " did not answer within " + SOCKET_MS / 1000 + " s");
            } catch (IOException e) {
                problems.add(server + " refused the connection" + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
            }
            if (problems.size() >= 3) {
                break;
            }
        }
        return "Cannot reach the cluster: " + String.join("; ", problems) + ". Check the address and the port, that the"
                + " cluster runs, and that no firewall is in the way.";
    }

    private static String firstLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
