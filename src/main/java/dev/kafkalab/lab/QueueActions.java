package dev.kafkalab.lab;

import dev.kafkalab.lab.ActionRunner.Outcome;
import dev.kafkalab.share.AckPolicy;
import dev.kafkalab.share.ShareGroup;
import dev.kafkalab.share.ShareMember;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The labs' actions on share groups (KIP-932) and transactions: the groups are the app's
 * {@link dev.kafkalab.share.ShareGroups}, shown on the Consume screen; the transactional
 * producers are the workbench's {@link LabTransactions}.
 */
final class QueueActions {

    private QueueActions() {
    }

    static CompletableFuture<Outcome> startShareGroup(Workbench w, Directive a) {
        String id = a.text("group");
        AckPolicy policy = policy(a).orElse(AckPolicy.ACCEPT);
        int members = a.integer("members");
        return w.async(() -> {
            ShareGroup g = w.shares().start(id, a.text("topic"), members, policy, a.optional("dead-letter").orElse(null));
            a.optionalInteger("work-ms").ifPresent(ms -> g.work(ms, Optional.empty()));
            return "Started share group " + id + ": " + members + " member(s) reading " + g.topic() + ", each "
                    + policy.describe() + workSaid(g.work()) + (g.deadLetter() == null ? ""
                            : "; what they reject goes to " + g.deadLetter()) + ". They share the records, not the partitions.";
        });
    }

    /** A new policy or work time, for one member or the whole group. */
    static CompletableFuture<Outcome> setShareMembers(Workbench w, Directive a) {
        Optional<String> member = a.optional("member");
        return onShareGroup(w, a, g -> {
            Optional<AckPolicy> policy = policy(a);
            policy.ifPresent(p -> g.policy(p, member));
            a.optionalInteger("work-ms").ifPresent(ms -> g.work(ms, member));
            String who = member.orElse("Every member of " + g.id());
            return who + (policy.map(p -> " " + p.describe()).orElse(""))
                    + a.optionalInteger("work-ms").map(QueueActions::workSaid).map(s -> policy.isPresent() ? "," + s : s)
                            .orElse("") + " from its next record on.";
        });
    }

    static CompletableFuture<Outcome> addShareMember(Workbench w, Directive a) {
        return onShareGroup(w, a, g -> g.addMember().name() + " joins share group " + g.id() + ".");
    }

    static CompletableFuture<Outcome> crashShareMember(Workbench w, Directive a) {
        return onShareGroup(w, a, g -> g.crash(a.optional("member")).map(ShareMember::name)
                .map(m -> m + " crashed in the middle of its records: they go back to the group as its connections"
                        + " drop, and other members get them.")
                .orElseThrow(() -> new IllegalStateException("share group " + g.id() + " has no live member to crash")));
    }

    static CompletableFuture<Outcome> stopShareGroup(Workbench w, Directive a) {
        return onShareGroup(w, a, g -> {
            w.shares().stop(g.id());
            return "Every member of share group " + g.id() + " left.";
        });
    }

    static CompletableFuture<Outcome> sendInTransaction(Workbench w, Directive a) {
        return w.async(() -> w.transactions().send(a.text("transactional-id"), a.text("topic"),
                a.optionalInteger("count").orElse(5)));
    }

    static CompletableFuture<Outcome> endTransaction(Workbench w, Directive a, String how) {
        String id = a.text("transactional-id");
        return w.async(() -> switch (how) {
            case "commit" -> w.transactions().commit(id);
            case "abort" -> w.transactions().abort(id);
            default -> w.transactions().crash(id);
        });
    }

    private static CompletableFuture<Outcome> onShareGroup(Workbench w, Directive a,
            java.util.function.Function<ShareGroup, String> work) {
        Optional<ShareGroup> g = w.shares().get(a.text("group"));
        if (g.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalStateException("there is no share group " + a.text("group")
                    + " running: start it first"));
        }
        return w.async(() -> work.apply(g.get()));
    }

    /** policy=accept|reject|release|hold with every=N (1 by default). */
    private static Optional<AckPolicy> policy(Directive a) {
        int every = a.optionalInteger("every").orElse(1);
        return a.optional("policy").map(p -> switch (p) {
            case "reject" -> AckPolicy.rejectEvery(every);
            case "release" -> AckPolicy.releaseEvery(every);
            case "hold" -> AckPolicy.HOLD;
            default -> AckPolicy.ACCEPT;
        });
    }

    private static String workSaid(int ms) {
        return ms == 0 ? "" : " working " + ms + " ms on each record";
    }
}
