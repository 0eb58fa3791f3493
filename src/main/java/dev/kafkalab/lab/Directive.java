package dev.kafkalab.lab;

import java.util.Map;
import java.util.Optional;

/**
 * One {@code @check} or {@code @action} line of a lab file: a name from the {@link Vocabulary}
 * and its {@code key=value} arguments, already checked against the vocabulary when parsed.
 *
 * @param line the line in the lab file, for messages that point at it
 */
public record Directive(String name, Map<String, String> args, int line) {

    private static final String CONFIG = "config.";

    public Directive {
        args = Map.copyOf(args);
    }

    public String text(String key) {
        String value = args.get(key);
        if (value == null) {
            throw new IllegalStateException("'" + name + "' has no '" + key + "' (line " + line + ")");
        }
        return value;
    }

    public Optional<String> optional(String key) {
        return Optional.ofNullable(args.get(key));
    }

    public int integer(String key) {
        return Integer.parseInt(text(key));
    }

    public Optional<Integer> optionalInteger(String key) {
        return optional(key).map(Integer::parseInt);
    }

    /** Its {@code config.<name>=<value>} arguments, as topic configs by name, in name order. */
    public java.util.SortedMap<String, String> configs() {
        java.util.SortedMap<String, String> configs = new java.util.TreeMap<>();
        args.forEach((k, v) -> {
            if (k.startsWith(CONFIG)) {
                configs.put(k.substring(CONFIG.length()), v);
            }
        });
        return configs;
    }

    /** The directive as it would be written back in a lab file. */
    public String source() {
        StringBuilder b = new StringBuilder(name);
        args.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String v = e.getValue();
            b.append(' ').append(e.getKey()).append('=')
                    .append(v.isEmpty() || v.contains(" ") ? "\"" + v + "\"" : v);
        });
        return b.toString();
    }
}
