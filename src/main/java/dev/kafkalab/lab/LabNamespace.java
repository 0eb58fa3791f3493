package dev.kafkalab.lab;

import dev.kafkalab.cluster.KafkaCluster;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names a lab's topics, groups and transactional ids get on a cluster the app does not run.
 * A lab creates {@code orders} and its reset deletes it: on a team's cluster that could be a
 * real topic, and on a class's cluster every learner would share one {@code orders} (and the
 * class's ACLs allow each learner only names starting with their own). So there, every such name
 * starts with a prefix: the SASL user's name and a dash, as the class's ACLs expect, or
 * {@code kafka-lab-} without a user. The lab's actions, checks and text all say the new names.
 *
 * @param prefix empty on the app's own cluster
 */
public record LabNamespace(String prefix) {

    public static final LabNamespace NONE = new LabNamespace("");

    /** What the lab's directives name: topics, groups and transactional ids, under these keys. */
    private static final Set<String> NAME_KEYS = Set.of("topic", "input", "dead-letter", "group", "other-group",
            "transactional-id");
    private static final Pattern BROKER_ROLE = Pattern.compile("(leader-of|follower-of):(.+)(/\\d+)");
    /** Inline code, and fenced blocks, of the lab's Markdown: where it writes names as they are typed. */
    private static final Pattern CODE = Pattern.compile("```.*?```|`[^`\\n]+`|\\*\\*[^*\\n]+\\*\\*", Pattern.DOTALL);

    public static LabNamespace of(KafkaCluster cluster) {
        if (cluster.isLocal()) {
            return NONE;
        }
        String user = cluster.connection().user();
        return new LabNamespace(user == null || user.isBlank() ? "kafka-lab-" : user + "-");
    }

    public boolean isNone() {
        return prefix.isEmpty();
    }

    /**
     * {@code name} in this namespace (unchanged if it is in it already); a dead-letter topic keeps
     * the brokers' "dlq." in front, which a share group's dead-letter topic must start with.
     */
    public String name(String name) {
        if (isNone() || name.startsWith(prefix)) {
            return name;
        }
        String dlq = dev.kafkalab.share.ShareGroups.DEAD_LETTER_PREFIX;
        return name.startsWith(dlq) ? dlq + name(name.substring(dlq.length())) : prefix + name;
    }

    /** The lab with every name its directives and text use in this namespace. */
    public Lab apply(Lab lab) {
        if (isNone()) {
            return lab;
        }
        Names names = new Names(names(lab));
        List<Step> steps = new ArrayList<>();
        for (Step s : lab.steps()) {
            steps.add(new Step(s.number(), s.title(), text(s.instructions(), names),
                    s.actions().stream().map(a -> directive(a, names)).toList(), directive(s.check(), names),
                    text(s.hint(), names), text(s.explanation(), names), s.line(), s.looks()));
        }
        return new Lab(lab.id(), lab.file(), lab.title(), lab.module(), lab.minutes(), lab.goal(),
                text(lab.intro(), names), steps);
    }

    /** Two sentences for the lab panel: why the names differ from the lab's own. */
    public String notice(Lab lab) {
        Set<String> names = names(lab);
        String example = names.isEmpty() ? "orders" : names.iterator().next();
        return "On this cluster the lab's topics and groups start with " + prefix + " (" + example + " is "
                + name(example) + "): yours alone. The steps use these names; so should your code.";
    }

    /** Every name the lab's directives give, as the lab file writes it. */
    static Set<String> names(Lab lab) {
        Set<String> names = new LinkedHashSet<>();
        for (Step s : lab.steps()) {
            List<Directive> all = new ArrayList<>(s.actions());
            all.add(s.check());
            for (Directive d : all) {
                d.args().forEach((k, v) -> {
                    if (NAME_KEYS.contains(k)) {
                        names.add(v);
                    } else if (k.equals("topics")) {
                        for (String t : v.split(",")) {
                            names.add(t.contains(":") ? t.substring(0, t.indexOf(':')) : t);
                        }
                    }
                });
            }
        }
        return names;
    }

    private Directive directive(Directive d, Names names) {
        Map<String, String> args = new LinkedHashMap<>();
        d.args().forEach((k, v) -> {
            if (NAME_KEYS.contains(k)) {
                args.put(k, name(v));
            } else if (k.equals("topics")) {
                // name:partitions,...
                args.put(k, java.util.Arrays.stream(v.split(",")).map(this::name).collect(java.util.stream.Collectors.joining(",")));
            } else if (k.equals("label")) {
                args.put(k, names.unlikeWords() == null ? v : rename(names.unlikeWords(), v));
            } else if (k.equals("broker")) {
                Matcher m = BROKER_ROLE.matcher(v);
                args.put(k, m.matches() ? m.group(1) + ":" + name(m.group(2)) + m.group(3) : v);
            } else {
                args.put(k, v);
            }
        });
        if (d.name().equals("run-solution")) {
            // The lab's programs name their topics and groups in their code: the run renames them there.
            args.put(Solutions.RENAME, String.join(",", names.all()));
        }
        return new Directive(d.name(), args, d.line());
    }

    /**
     * A lab's names and, made once per lab, what finds them in text: any of them, and those that
     * cannot be an English word, which a button's label may say ("Create frozen-follower" names a
     * topic, "Send 100 clicks" does not: the notice says what clicks is). Null when there are none.
     */
    private record Names(Set<String> all, Pattern any, Pattern unlikeWords) {

        Names(Set<String> all) {
            this(all, pattern(all), pattern(all.stream().filter(n -> !n.matches("[a-z]+"))
                    .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new))));
        }

        private static Pattern pattern(Set<String> names) {
            return names.isEmpty() ? null : Pattern.compile("(?<![A-Za-z0-9._$-])(" + String.join("|", names.stream()
                    .sorted((a, b) -> b.length() - a.length()).map(Pattern::quote).toList())
                    + ")(?![A-Za-z0-9_$-]|\\.[A-Za-z0-9])");
        }
    }

    private String rename(Pattern names, String text) {
        return names.matcher(text).replaceAll(m -> Matcher.quoteReplacement(name(m.group(1))));
    }

    /** {@code markdown} with each of the names in its code and bold spans in this namespace. */
    private String text(String markdown, Names names) {
        if (markdown == null || markdown.isEmpty() || names.any() == null) {
            return markdown;
        }
        Matcher spans = CODE.matcher(markdown);
        StringBuilder out = new StringBuilder();
        while (spans.find()) {
            spans.appendReplacement(out, Matcher.quoteReplacement(rename(names.any(), spans.group())));
        }
        spans.appendTail(out);
        return out.toString();
    }
}
