package dev.kafkalab.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The local cluster opened to a class: each broker gets a second listener on {@code address}
 * (ports from {@code firstPort}) where learners log in with SASL/SCRAM-SHA-256, over TLS when a
 * keystore is given. Everything else stays as it is: the brokers' own listener, inter-broker and
 * controller traffic on 127.0.0.1, where the instructor's app and tools keep full control.
 *
 * <p>What a learner may do is set by ACLs ({@link ClassroomAccess}): their own topics, groups and
 * transactional ids (named with their name and a dash first), and the shared demo topics.
 *
 * @param address      the address learners reach this machine at; brokers advertise it
 * @param firstPort    broker N's class listener is on firstPort + N - 1; 0 for any free port (tests)
 * @param users        learner name to password, in the order given
 * @param generated    the users were made up by the app (and kept in the data folder), not given
 * @param sharedTopics topic names every learner may read and write (besides the {@link #SHARED_PREFIX} ones)
 * @param keystore     a JKS or PKCS12 keystore holding the brokers' TLS key, or null for no TLS
 */
public record Classroom(String address, int firstPort, Map<String, String> users, boolean generated,
        List<String> sharedTopics, Path keystore, String keystorePassword) {

    /** The listener's name in server.properties. */
    static final String LISTENER = "CLASS";
    public static final String MECHANISM = "SCRAM-SHA-256";
    /** Every learner may use the topics named so: the instructor's demos for the whole class. */
    public static final String SHARED_PREFIX = "demo-";
    /**
     * A share group's dead-letter topic must start with the brokers' prefix
     * ({@code errors.deadletterqueue.topic.name.prefix}, "dlq." by default): alice's are dlq.alice-...
     */
    public static final String DEAD_LETTER_PREFIX = "dlq.";
    /** A learner named alice owns alice-orders, the group alice-readers, the transactional id alice-tx. */
    public static final String OWN_SEPARATOR = "-";
    public static final int DEFAULT_LEARNERS = 12;
    /** The learners' truststore, written beside their files: only the brokers' certificates, so its password is no secret. */
    public static final String TRUSTSTORE = "class-truststore.p12";
    static final String TRUSTSTORE_PASSWORD = "kafka-lab";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]{1,40}");
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");
    private static final String PASSWORD_LETTERS = "abcdefghjkmnpqrstuvwxyz23456789";

    public Classroom {
        Objects.requireNonNull(address, "address");
        users = Collections.unmodifiableMap(new LinkedHashMap<>(users));
        sharedTopics = List.copyOf(sharedTopics);
        if (users.isEmpty()) {
            throw new IllegalArgumentException("A class needs at least one learner.");
        }
        for (String topic : sharedTopics) {
            if (!TOPIC.matcher(topic).matches()) {
                throw new IllegalArgumentException("'" + topic + "' is not a topic name (letters, digits, '.', '_', '-').");
            }
            for (String user : users.keySet()) {
                if (topic.startsWith(ownPrefix(user))) {
                    throw new IllegalArgumentException("--shared " + topic + " is " + user + "'s own (it starts with "
                            + ownPrefix(user) + "): share a topic no learner owns.");
                }
            }
        }
        if (keystore != null && (keystorePassword == null || keystorePassword.isEmpty())) {
            throw new IllegalArgumentException("A keystore needs its password (--keystore-password).");
        }
    }

    /** SASL_SSL with a keystore, SASL_PLAINTEXT without. */
    public String securityProtocol() {
        return keystore == null ? "SASL_PLAINTEXT" : "SASL_SSL";
    }

    /** The prefix of everything {@code user} owns. */
    public static String ownPrefix(String user) {
        return user + OWN_SEPARATOR;
    }

    /** The class listener's settings, for a broker's server.properties. */
    Map<String, String> brokerListenerProperties() {
        String lower = LISTENER.toLowerCase(Locale.ROOT);
        Map<String, String> p = new LinkedHashMap<>();
        p.put("listener.name." + lower + ".sasl.enabled.mechanisms", MECHANISM);
        p.put("listener.name." + lower + "." + MECHANISM.toLowerCase(Locale.ROOT) + ".sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        if (keystore != null) {
            p.put("listener.name." + lower + ".ssl.keystore.location", keystore.toAbsolutePath().toString());
            p.put("listener.name." + lower + ".ssl.keystore.password", keystorePassword);
            p.put("listener.name." + lower + ".ssl.key.password", keystorePassword);
        }
        return p;
    }

    /**
     * What every node (the controller too) needs for ACLs: the KRaft authorizer, and the loopback
     * listeners' anonymous principal as super user: the app, the brokers among themselves and the
     * controller connect there without logging in. Only this machine reaches 127.0.0.1.
     */
    static Map<String, String> authorizerProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("super.users", "User:ANONYMOUS");
        p.put("allow.everyone.if.no.acl.found", "false");
        return p;
    }

    /** How learner {@code user} connects to the class listeners at {@code classBootstrap}. */
    public dev.kafkalab.clients.Connection connection(String classBootstrap, String user) {
        // On this machine, the keystore itself is the truststore: it holds the brokers' certificate.
        return dev.kafkalab.clients.Connection.of("class", classBootstrap, securityProtocol(), MECHANISM, user,
                users.get(user), keystore == null ? null : keystore.toAbsolutePath().toString(), keystorePassword);
    }

    /** What a learner puts in a client.properties file (the password written in). */
    public String clientProperties(String bootstrapServers, String user) {
        String password = users.get(user);
        StringBuilder b = new StringBuilder();
        b.append("bootstrap.servers=").append(bootstrapServers).append('\n');
        b.append("security.protocol=").append(securityProtocol()).append('\n');
        b.append("sasl.mechanism=").append(MECHANISM).append('\n');
        b.append("sasl.jaas.config=").append(dev.kafkalab.clients.Connection.jaas(MECHANISM, user, password)).append('\n');
        if (keystore != null) {
            b.append("# The brokers' certificate, handed out with this file: keep it beside it, or write its full path.\n");
            b.append("ssl.truststore.location=").append(TRUSTSTORE).append('\n');
            b.append("ssl.truststore.type=PKCS12\nssl.truststore.password=").append(TRUSTSTORE_PASSWORD).append('\n');
        }
        return b.toString();
    }

    /**
     * Reads a users file: one {@code name password} a line; blank lines and lines starting with
     * {@code #} are skipped. A name is letters, digits and '_' (no dash: a dash ends the prefix of
     * what a learner owns).
     *
     * @throws IllegalArgumentException naming the file and line of the first bad one
     */
    public static Map<String, String> readUsers(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("There is no users file " + file + ": write one 'name password' a line.");
        }
        Map<String, String> users = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split("\\s+");
            String where = file + " line " + (i + 1) + ": ";
            if (words.length != 2) {
                throw new IllegalArgumentException(where + "expected 'name password' (two words), found "
                        + words.length + " word(s).");
            }
            if (!NAME.matcher(words[0]).matches()) {
                throw new IllegalArgumentException(where + "'" + words[0] + "' is not a learner name: use letters, digits"
                        + " and '_' (up to 40), no dash.");
            }
            if (words[0].equalsIgnoreCase("ANONYMOUS")) {
                throw new IllegalArgumentException(where + "ANONYMOUS is the loopback listeners' user; choose another name.");
            }
            if ((words[0] + OWN_SEPARATOR).equals(SHARED_PREFIX)) {
                throw new IllegalArgumentException(where + "'" + words[0] + "' would own the shared " + SHARED_PREFIX
                        + " topics; choose another name.");
            }
            if (words[1].contains("\\") || words[1].contains("\"")) {
                throw new IllegalArgumentException(where + "a password may not contain \\ or \" (they would need"
                        + " escaping in every learner's client.properties).");
            }
            if (users.putIfAbsent(words[0], words[1]) != null) {
                throw new IllegalArgumentException(where + "'" + words[0] + "' is already on an earlier line.");
            }
        }
        if (users.isEmpty()) {
            throw new IllegalArgumentException(file + " names no learner: write one 'name password' a line.");
        }
        return users;
    }

    /**
     * The learners of a class started without a users file: read back from {@code file} if an
     * earlier run made them (so their passwords stay the same), else {@code count} new ones,
     * learner01 and on with random passwords, written there readable by this user only.
     */
    public static Map<String, String> generatedUsers(Path file, int count) throws IOException {
        if (Files.isRegularFile(file)) {
            return readUsers(file);
        }
        if (count < 1 || count > 500) {
            throw new IllegalArgumentException("--learners takes 1 to 500, was " + count);
        }
        SecureRandom random = new SecureRandom();
        Map<String, String> users = new LinkedHashMap<>();
        for (int i = 1; i <= count; i++) {
            StringBuilder password = new StringBuilder();
            for (int c = 0; c < 10; c++) {
                password.append(PASSWORD_LETTERS.charAt(random.nextInt(PASSWORD_LETTERS.length())));
            }
            users.put(String.format(Locale.ROOT, "learner%02d", i), password.toString());
        }
        Files.createDirectories(file.getParent());
        String text = users.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining("\n", "# Made by Kafka Lab for the class; edit it and restart to change.\n", "\n"));
        dev.kafkalab.common.PrivateFiles.write(file, text);
        return users;
    }

    /**
     * Checks that learners can reach this machine at {@code address}: an address of one of its
     * interfaces (or a name for one). 0.0.0.0 is refused: brokers advertise the address, and
     * learners cannot connect to 0.0.0.0.
     *
     * @return the address as written, when it is good
     */
    public static String checkAddress(String address) {
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("--listen needs the address learners reach this machine at, e.g. "
                    + "--listen 192.168.1.20");
        }
        InetAddress resolved;
        try {
            resolved = InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--listen " + address + ": no such host. Give this machine's address on"
                    + " the class network; its addresses are " + localAddresses() + ".");
        }
        if (resolved.isAnyLocalAddress()) {
            throw new IllegalArgumentException("--listen " + address + ": brokers tell clients the address to reconnect"
                    + " to, and nobody can connect to " + address + ". Give one of " + localAddresses() + ".");
        }
        try {
            if (!resolved.isLoopbackAddress() && NetworkInterface.getByInetAddress(resolved) == null) {
                throw new IllegalArgumentException("--listen " + address + " is not an address of this machine; its"
                        + " addresses are " + localAddresses() + ".");
            }
        } catch (SocketException e) {
            throw new IllegalArgumentException("--listen " + address + ": could not read this machine's network"
                    + " interfaces (" + e.getMessage() + ").");
        }
        return address;
    }

    /** This machine's IPv4 addresses, loopback last, for messages. */
    static List<String> localAddresses() {
        List<String> found = new ArrayList<>();
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                    if (a instanceof java.net.Inet4Address && !a.isLoopbackAddress()) {
                        found.add(a.getHostAddress());
                    }
                }
            }
        } catch (SocketException e) {
            // Only loopback, then.
        }
        found.add("127.0.0.1");
        return found;
    }
}
