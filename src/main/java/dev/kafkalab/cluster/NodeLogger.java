package dev.kafkalab.cluster;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDateTime;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * One SLF4J logger of a node JVM (see {@link NodeLogProvider}): INFO and above, one line per
 * event in the layout the app's log viewer shows, {@code [2026-11-22 14:02:11,042] INFO message (logger)}.
 */
public final class NodeLogger extends LegacyAbstractLogger {

    private static final long serialVersionUID = 1L;

    /** Loggers that print every config value at start: pages of text nobody in a class reads. */
    private static final Set<String> WARN_ONLY = Set.of(
            "org.apache.kafka.common.config.AbstractConfig", "kafka.server.KafkaConfig");

    private final boolean infoEnabled;
    /**
     * In a learner's program JVM ({@code -Dkafkalab.log.bare=true}) a line is its level and
     * message: the console that shows it puts its own time before each line.
     */
    private static final boolean BARE = Boolean.getBoolean("kafkalab.log.bare");

    private NodeLogger(String name) {
        this.name = name;
        this.infoEnabled = !WARN_ONLY.contains(name);
    }

    static Logger named(String name) {
        return new NodeLogger(name);
    }

    @Override
    public boolean isTraceEnabled() {
        return false;
    }

    @Override
    public boolean isDebugEnabled() {
        return false;
    }

    @Override
    public boolean isInfoEnabled() {
        return infoEnabled;
    }

    @Override
    public boolean isWarnEnabled() {
        return true;
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
            Throwable throwable) {
        StringBuilder line = new StringBuilder(160);
        if (BARE) {
            line.append(level).append(' ');
        } else {
            timestamp(line, LocalDateTime.now());
            line.append(' ').append(level).append(' ');
        }
        line
                .append(MessageFormatter.basicArrayFormat(pattern, arguments))
                .append(" (").append(name).append(")\n");
        if (throwable != null) {
            StringWriter trace = new StringWriter();
            throwable.printStackTrace(new PrintWriter(trace));
            line.append(trace);
        }
        // One write per event: lines of threads logging at once never interleave.
        System.err.print(line);
    }

    static void timestamp(StringBuilder out, LocalDateTime t) {
        out.append('[').append(t.getYear()).append('-');
        pad(out, t.getMonthValue(), 2).append('-');
        pad(out, t.getDayOfMonth(), 2).append(' ');
        pad(out, t.getHour(), 2).append(':');
        pad(out, t.getMinute(), 2).append(':');
        pad(out, t.getSecond(), 2).append(',');
        pad(out, t.getNano() / 1_000_000, 3).append(']');
    }

    private static StringBuilder pad(StringBuilder out, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(digits);
    }
}
