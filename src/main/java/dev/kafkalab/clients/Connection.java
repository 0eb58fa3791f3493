package dev.kafkalab.clients;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kafka cluster to connect to: its bootstrap servers and the client properties every client
 * needs there (security protocol, SASL login, TLS stores). The local cluster has none.
 *
 * @param name             what people call it ("local", "class", "team-prod")
 * @param bootstrapServers host:port,...
 * @param properties       client settings besides bootstrap.servers; may hold a password
 */
public record Connection(String name, String bootstrapServers, Map<String, String> properties) {

    public static final List<String> PROTOCOLS = List.of("PLAINTEXT", "SASL_PLAINTEXT", "SSL", "SASL_SSL");
    public static final List<String> MECHANISMS = List.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512");
    private static final Pattern USERNAME = Pattern.compile("username=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern PASSWORD = Pattern.compile("password=\"((?:[^\"\\\\]|\\\\.)*)\"");
    /**
     * Settings that hold secrets: never logged or shown. A truststore's password is not one: it
     * only guards the integrity of public certificates (and Java cannot read a PKCS12 truststore
     * without it).
     */
    private static final List<String> SECRETS = List.of("sasl.jaas.config", "ssl.keystore.password",
            "ssl.key.password");

    public Connection {
        Objects.requireNonNull(name, "name");
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("A connection needs the cluster's bootstrap servers (host:port,...).");
        }
        bootstrapServers = bootstrapServers.strip();
        for (String server : servers(bootstrapServers)) {
            int colon = server.lastIndexOf(':');
            if (colon <= 0 || colon == server.length() - 1) {
                throw new IllegalArgumentException("'" + server + "' is not host:port; bootstrap servers look like"
                        + " kafka1.example.com:9092,kafka2.example.com:9092.");
            }
            try {
                int port = Integer.parseInt(server.substring(colon + 1));
                if (port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + server + "': the port must be a number from 1 to 65535.");
            }
        }
        properties = Map.copyOf(properties);
        String protocol = properties.get("security.protocol");
        if (protocol != null && !PROTOCOLS.contains(protocol)) {
            throw new IllegalArgumentException("security.protocol must be one of " + PROTOCOLS + ", was " + protocol);
        }
    }

    /** The local cluster the app runs: loopback, no login. */
    public static Connection local(String bootstrapServers) {
        return new Connection("local", bootstrapServers, Map.of());
    }

    /**
     * A connection from fields, as the connection form has them. A user name makes it a SASL login
     * ({@code mechanism}, PLAIN or SCRAM); stores are added when given.
     */
    public static Connection of(String name, String bootstrapServers, String protocol, String mechanism, String user,
            String password, String truststore, String truststorePassword) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("security.protocol", protocol);
        if (protocol.startsWith("SASL")) {
            if (user == null || user.isBlank()) {
                throw new IllegalArgumentException(protocol + " logs in: give a user name and password.");
            }
            p.put("sasl.mechanism", mechanism);
            p.put("sasl.jaas.config", jaas(mechanism, user.strip(), password == null ? "" : password));
        }
        if (truststore != null && !truststore.isBlank()) {
            p.put("ssl.truststore.location", truststore.strip());
            if (truststorePassword != null && !truststorePassword.isEmpty()) {
                p.put("ssl.truststore.password", truststorePassword);
            }
        }
        return new Connection(name, bootstrapServers, p);
    }

    /** The JAAS line of a SASL login. */
    public static String jaas(String mechanism, String user, String password) {
        String module = mechanism.startsWith("SCRAM") ? "org.apache.kafka.common.security.scram.ScramLoginModule"
                : "org.apache.kafka.common.security.plain.PlainLoginModule";
        return module + " required username=\"" + escape(user) + "\" password=\"" + escape(password) + "\";";
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /**
     * A client properties file, as Kafka's tools take ({@code --command-config}); it must name
     * {@code bootstrap.servers}.
     */
    public static Connection fromFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("There is no file " + file + ".");
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        String bootstrap = p.getProperty("bootstrap.servers");
        if (bootstrap == null || bootstrap.isBlank()) {
            throw new IllegalArgumentException(file + " does not say bootstrap.servers=host:port,...");
        }
        Map<String, String> rest = new LinkedHashMap<>();
        p.stringPropertyNames().stream().filter(k -> !k.equals("bootstrap.servers")).sorted()
                .forEach(k -> rest.put(k, p.getProperty(k)));
        String name = file.getFileName().toString().replaceFirst("\\.properties$", "");
        return new Connection(name, bootstrap, rest);
    }

    public String securityProtocol() {
        return properties.getOrDefault("security.protocol", "PLAINTEXT");
    }

    /** The SASL user, or empty. */
    public String user() {
        return find(USERNAME);
    }

    /** The SASL password, or empty. */
    public String password() {
        return find(PASSWORD);
    }

    private String find(Pattern pattern) {
        String jaas = properties.getOrDefault("sasl.jaas.config", "");
        Matcher m = pattern.matcher(jaas);
        return m.find() ? m.group(1).replaceAll("\\\\(.)", "$1") : "";
    }

    /** The same connection without its secrets (what is remembered when the user did not say to keep the password). */
    public Connection withoutSecrets() {
        Map<String, String> p = new LinkedHashMap<>(properties);
        if (p.containsKey("sasl.jaas.config")) {
            p.put("sasl.jaas.config", jaas(p.getOrDefault("sasl.mechanism", "PLAIN"), user(), ""));
        }
        SECRETS.stream().filter(k -> !k.equals("sasl.jaas.config")).forEach(p::remove);
        return new Connection(name, bootstrapServers, p);
    }

    /** The same connection with {@code password} as its SASL password. */
    public Connection withPassword(String password) {
        if (!properties.containsKey("sasl.jaas.config")) {
            return this;
        }
        Map<String, String> p = new LinkedHashMap<>(properties);
        p.put("sasl.jaas.config", jaas(p.getOrDefault("sasl.mechanism", "PLAIN"), user(), password));
        return new Connection(name, bootstrapServers, p);
    }

    /** The client properties for {@link ClientFactory}. */
    public Map<String, Object> clientProperties() {
        return Map.copyOf(properties);
    }

    public List<String> servers() {
        return servers(bootstrapServers);
    }

    private static List<String> servers(String bootstrap) {
        return Arrays.stream(bootstrap.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** For people and logs: name, servers, protocol and user; never a secret. */
    public String describe() {
        String user = user();
        return name + " (" + bootstrapServers + ", " + securityProtocol() + (user.isEmpty() ? "" : ", as " + user) + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
