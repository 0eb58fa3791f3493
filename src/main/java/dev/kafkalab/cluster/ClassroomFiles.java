package dev.kafkalab.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The files a class's instructor hands out: one client.properties per learner, readable by the instructor only. */
public final class ClassroomFiles {

    /** Where the learners made up for a class started without a users file are kept, in the cluster's folder. */
    public static final String GENERATED = "class-users.txt";

    private ClassroomFiles() {
    }

    /** The certificates of the brokers' keystore, without its keys: what learners' clients trust. */
    static void writeTruststore(Classroom classroom, Path file) throws IOException {
        try {
            char[] password = classroom.keystorePassword().toCharArray();
            java.security.KeyStore keys = java.security.KeyStore.getInstance(classroom.keystore().toFile(), password);
            java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            for (String alias : java.util.Collections.list(keys.aliases())) {
                java.security.cert.Certificate cert = keys.getCertificate(alias);
                if (cert != null) {
                    trust.setCertificateEntry(alias, cert);
                }
            }
            try (var out = Files.newOutputStream(file)) {
                trust.store(out, Classroom.TRUSTSTORE_PASSWORD.toCharArray());
            }
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("could not read the keystore " + classroom.keystore() + " (is the password right?): "
                    + e.getMessage(), e);
        }
    }

    /** Writes {@code folder/NAME.properties} for every learner, and removes those of learners no longer in the class. */
    public static void write(Path folder, Classroom classroom, String classBootstrap) throws IOException {
        Files.createDirectories(folder);
        try (var old = Files.list(folder)) {
            for (Path file : old.filter(f -> f.getFileName().toString().endsWith(".properties")).toList()) {
                String name = file.getFileName().toString().replaceFirst("\\.properties$", "");
                if (!classroom.users().containsKey(name)) {
                    Files.delete(file);
                }
            }
        }
        if (classroom.keystore() != null) {
            writeTruststore(classroom, folder.resolve(Classroom.TRUSTSTORE));
        }
        for (Map.Entry<String, String> user : classroom.users().entrySet()) {
            Path file = folder.resolve(user.getKey() + ".properties");
            dev.kafkalab.common.PrivateFiles.write(file, "# " + user.getKey() + "'s connection to the class cluster"
                    + " (Kafka Lab).\n" + classroom.clientProperties(classBootstrap, user.getKey()));
        }
    }
}
