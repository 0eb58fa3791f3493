package dev.kafkalab.lab;

import dev.kafkalab.produce.ProduceService;
import dev.kafkalab.produce.TransactionalSender;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The transactional producers of the labs' steps, by {@code transactional.id}, and what became of
 * each one's last transaction: a check can then tell a transaction the coordinator aborted on its
 * timeout from one the learner aborted. Synchronized: two quick clicks must not make two producers of an id.
 */
final class LabTransactions implements AutoCloseable {

    /** What became of a producer's last transaction. */
    enum State {
        OPEN, COMMITTED, ABORTED, CRASHED;

        String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** @param last by partition ("payments-0"), the last offset its last transaction wrote there */
    private record Producer(TransactionalSender sender, State state, int sent, Map<String, Long> last) {
    }

    private final ProduceService produce;
    private final Map<String, Producer> producers = new ConcurrentHashMap<>();

    LabTransactions(ProduceService produce) {
        this.produce = produce;
    }

    /** Sends {@code count} records in the id's open transaction, beginning one (and registering the id) if needed. */
    synchronized String send(String id, String topic, int count) throws Exception {
        Producer p = producers.get(id);
        if (p == null || p.state() == State.CRASHED) {
            // A new producer of the id fences the old one and ends what it left open.
            p = new Producer(produce.transactional(id, TransactionalSender.DEMO_TIMEOUT), State.COMMITTED, 0, Map.of());
        }
        boolean begun = p.state() != State.OPEN;
        if (begun) {
            p.sender().begin();
        }
        int sentBefore = begun ? 0 : p.sent();
        var written = p.sender().send(topic, id + "-t" + System.currentTimeMillis() % 100_000, count);
        Map<String, Long> last = new java.util.HashMap<>(begun ? Map.of() : p.last());
        written.forEach(m -> last.merge(m.topic() + "-" + m.partition(), m.offset(), Math::max));
        producers.put(id, new Producer(p.sender(), State.OPEN, sentBefore + written.size(), Map.copyOf(last)));
        long first = written.get(0).offset();
        return (begun ? "Began a transaction of " + id + " and sent " : "Sent ") + count + " record(s) in it to "
                + topic + " (offsets from " + first + "): " + (sentBefore + count) + " in the open transaction."
                + " read_committed readers see none of them until the commit.";
    }

    synchronized String commit(String id) {
        Producer p = open(id);
        p.sender().commit();
        producers.put(id, new Producer(p.sender(), State.COMMITTED, 0, p.last()));
        return "Committed the transaction of " + id + ": its " + p.sent() + " record(s) and a commit marker (which"
                + " takes an offset too) are readable by read_committed readers now.";
    }

    synchronized String abort(String id) {
        Producer p = open(id);
        p.sender().abort();
        producers.put(id, new Producer(p.sender(), State.ABORTED, 0, p.last()));
        return "Aborted the transaction of " + id + ": an abort marker went after its " + p.sent() + " record(s);"
                + " read_committed readers skip them for good.";
    }

    /** Ends the producer at once with its transaction open, as a crash would. */
    synchronized String crash(String id) {
        Producer p = open(id);
        p.sender().crash();
        producers.put(id, new Producer(p.sender(), State.CRASHED, 0, p.last()));
        return "The producer of " + id + " died with its transaction open (" + p.sent() + " record(s)). Nobody"
                + " will commit or abort it: its coordinator aborts it " + TransactionalSender.DEMO_TIMEOUT.toSeconds()
                + " s after it began (transaction.timeout.ms).";
    }

    private Producer open(String id) {
        Producer p = producers.get(id);
        if (p == null || p.state() != State.OPEN) {
            throw new IllegalStateException(id + " has no open transaction: send records in one first");
        }
        return p;
    }

    /** Each id's last transaction: open, committed, aborted or crashed. */
    Map<String, String> states() {
        return producers.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().state().word()));
    }

    /** By id, the last offset its last transaction wrote in each partition ("payments-0"): its marker comes after. */
    Map<String, Map<String, Long>> lastOffsets() {
        return producers.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().last()));
    }

    /** Closes every producer; a transaction still open is aborted by the close. */
    @Override
    public synchronized void close() {
        producers.values().forEach(p -> {
            if (p.state() != State.CRASHED) {
                p.sender().close();
            }
        });
        producers.clear();
    }
}
