package dev.kafkalab.cluster;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The logging of node JVMs: Kafka logs through SLF4J, and this provider writes each line to the
 * node's stderr, which {@link NodeProcess} appends to the node's log file.
 *
 * <p>Why not log4j2, as the app uses: measured with JFR, setting up log4j2 (plugin scan,
 * annotations, configuration) was 40% of a broker's main-thread CPU before it was ready, and
 * four node JVMs start at once on a two-core laptop. This provider does nothing at start.
 *
 * <p>It lives only in the node jar (see {@link NodeClasspath}), with its service file; the app
 * never sees it. Like {@link NodeMain} it may use only the JDK, SLF4J and itself.
 */
public final class NodeLogProvider implements SLF4JServiceProvider {

    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();
    private final ILoggerFactory loggers = NodeLogger::named;

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        // Nothing to read or set up: that is the point.
    }
}
