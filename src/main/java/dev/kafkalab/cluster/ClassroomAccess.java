package dev.kafkalab.cluster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialDeletion;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may do what on a cluster open to a class: each learner's SCRAM login, and ACLs that let a
 * learner use only what their name starts (topics, groups, transactional ids) and the shared demo
 * topics. Written through the loopback listener, whose principal is a super user; made to match
 * the class exactly at every start (learners taken off the list lose their login and ACLs).
 */
public final class ClassroomAccess {

    private static final Logger LOG = LoggerFactory.getLogger(ClassroomAccess.class);
    private static final int SCRAM_ITERATIONS = 8192;
    private static final String EVERYONE = "User:*";
    /** What a learner may do on a shared demo topic: use it, not delete or reconfigure it. */
    private static final List<AclOperation> SHARED_OPERATIONS = List.of(AclOperation.READ, AclOperation.WRITE,
            AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS);

    private final Admin admin;
    private final long timeoutMs;

    /** {@code admin} connects to a loopback listener (full control). */
    public ClassroomAccess(Admin admin, long timeoutMs) {
        this.admin = admin;
        this.timeoutMs = timeoutMs;
    }

    /** The ACLs a class needs, learner by learner, then the shared topics. */
    static List<AclBinding> bindings(Classroom classroom) {
        List<AclBinding> all = new ArrayList<>();
        for (String user : classroom.users().keySet()) {
            String prefix = Classroom.ownPrefix(user);
            for (ResourceType type : List.of(ResourceType.TOPIC, ResourceType.GROUP, ResourceType.TRANSACTIONAL_ID)) {
                all.add(allow(new ResourcePattern(type, prefix, PatternType.PREFIXED), "User:" + user, AclOperation.ALL));
            }
            all.add(allow(new ResourcePattern(ResourceType.TOPIC, Classroom.DEAD_LETTER_PREFIX + prefix, PatternType.PREFIXED),
                    "User:" + user, AclOperation.ALL));
        }
        List<ResourcePattern> shared = new ArrayList<>();
        shared.add(new ResourcePattern(ResourceType.TOPIC, Classroom.SHARED_PREFIX, PatternType.PREFIXED));
        classroom.sharedTopics().forEach(t -> shared.add(new ResourcePattern(ResourceType.TOPIC, t, PatternType.LITERAL)));
        for (ResourcePattern pattern : shared) {
            for (AclOperation op : SHARED_OPERATIONS) {
                all.add(allow(pattern, EVERYONE, op));
            }
        }
        return all;
    }

    private static AclBinding allow(ResourcePattern pattern, String principal, AclOperation op) {
        return new AclBinding(pattern, new AccessControlEntry(principal, "*", op, AclPermissionType.ALLOW));
    }

    /**
     * Makes logins and ACLs match {@code classroom}; says in one line what it did.
     *
     * @throws ClusterException when the cluster does not take them in time
     */
    public String apply(Classroom classroom) {
        try {
            Set<String> existing = admin.describeUserScramCredentials().users().get(timeoutMs, TimeUnit.MILLISECONDS)
                    .stream().collect(Collectors.toSet());
            List<UserScramCredentialAlteration> changes = new ArrayList<>();
            classroom.users().forEach((user, password) -> changes.add(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_256, SCRAM_ITERATIONS), password)));
            List<String> gone = existing.stream().filter(u -> !classroom.users().containsKey(u)).sorted().toList();
            gone.forEach(u -> changes.add(new UserScramCredentialDeletion(u, ScramMechanism.SCRAM_SHA_256)));
            admin.alterUserScramCredentials(changes).all().get(timeoutMs, TimeUnit.MILLISECONDS);

            List<AclBinding> wanted = bindings(classroom);
            Collection<AclBinding> present = admin.describeAcls(AclBindingFilter.ANY).values()
                    .get(timeoutMs, TimeUnit.MILLISECONDS);
            List<AclBindingFilter> stale = present.stream().filter(b -> !wanted.contains(b)).map(ClassroomAccess::exactly)
                    .toList();
            if (!stale.isEmpty()) {
                admin.deleteAcls(stale).all().get(timeoutMs, TimeUnit.MILLISECONDS);
            }
            List<AclBinding> missing = wanted.stream().filter(b -> !present.contains(b)).toList();
            if (!missing.isEmpty()) {
                admin.createAcls(missing).all().get(timeoutMs, TimeUnit.MILLISECONDS);
            }
            LOG.info("Class access: {} learners, {} ACLs added, {} removed, logins removed for {}", classroom.users().size(),
                    missing.size(), stale.size(), gone);
            return classroom.users().size() + " learners can log in" + (gone.isEmpty() ? ""
                    : " (logins removed for " + String.join(", ", gone) + ": no longer in the list)") + "; "
                    + wanted.size() + " ACLs in place.";
        } catch (ExecutionException e) {
            throw new ClusterException("Could not set up the class's logins and ACLs: "
                    + dev.kafkalab.common.Failures.message(e), e);
        } catch (TimeoutException e) {
            throw new ClusterException("The cluster did not take the class's logins and ACLs within " + timeoutMs
                    + " ms: the machine may be busy; start again.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("Interrupted while setting up the class's logins.", e);
        }
    }

    private static AclBindingFilter exactly(AclBinding b) {
        AccessControlEntry e = b.entry();
        return new AclBindingFilter(b.pattern().toFilter(), new AccessControlEntryFilter(e.principal(), e.host(),
                e.operation(), e.permissionType()));
    }
}
