package dev.kafkalab.consume;

import dev.kafkalab.clients.ClientFactory;
import dev.kafkalab.common.Threads;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.util.Map;

/**
 * The main of a member process (see {@link ProcessMember}): one {@link MemberLoop}, commands from
 * stdin, snapshots, events and replies to stdout, both as serialized objects; logs go to stderr.
 * It ends when its member leaves or fails, or when stdin closes: the app is gone, so it leaves.
 */
public final class MemberProcessMain {

    /** What the member runs; {@code connection} holds the cluster's security settings (passwords too: the pipe is private). */
    record Launch(String name, int colour, String bootstrapServers, java.util.HashMap<String, String> connection,
            GroupSettings settings) implements Serializable {
    }

    record Request(long id, MemberLoop.Command command) implements Serializable {
    }

    record Reply(long id, Outcome outcome) implements Serializable {
    }

    /** Only this package's records, Kafka's GroupProtocol and the JDK types inside them cross the pipe. */
    static final ObjectInputFilter FILTER = ObjectInputFilter.Config.createFilter(
            "dev.kafkalab.consume.*;org.apache.kafka.clients.consumer.GroupProtocol;java.base/*;!*");

    private MemberProcessMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream pipe = System.out;
        // Nothing but objects may reach the pipe: a stray println would corrupt the stream.
        System.setOut(System.err);
        ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(System.in));
        in.setObjectInputFilter(FILTER);
        Launch launch = (Launch) in.readObject();
        Writer out = new Writer(new ObjectOutputStream(new BufferedOutputStream(pipe)));
        MemberLoop loop = new MemberLoop(launch.name(), launch.colour(), new ClientFactory(launch.bootstrapServers(), Map.copyOf(launch.connection())), launch.settings(),
                out);
        Thread commands = Threads.daemon("kafka-lab-member-commands", () -> {
            try {
                while (true) {
                    Request r = (Request) in.readObject();
                    loop.submit(r.command()).thenAccept(o -> out.write(new Reply(r.id(), o)));
                }
            } catch (IOException | ClassNotFoundException e) {
                loop.submit(MemberLoop.Command.LEAVE);
            }
        });
        commands.start();
        loop.run();
        out.close();
        System.exit(0);
    }

    /** Serializes writes from the loop's thread and the replies it completes. */
    private static final class Writer implements MemberLoop.Reporter {

        private final ObjectOutputStream out;
        private boolean broken;

        Writer(ObjectOutputStream out) {
            this.out = out;
        }

        @Override
        public void snapshot(MemberSnapshot snapshot) {
            write(snapshot);
        }

        @Override
        public void event(GroupEvent event) {
            write(event);
        }

        synchronized void write(Object message) {
            if (broken) {
                return;
            }
            try {
                out.writeObject(message);
                // Forget what was written: every message is read whole, and the stream stays small.
                out.reset();
                out.flush();
            } catch (IOException e) {
                // The app is gone; stdin closes too, and the member leaves.
                broken = true;
            }
        }

        synchronized void close() {
            try {
                out.close();
            } catch (IOException e) {
                broken = true;
            }
        }
    }
}
