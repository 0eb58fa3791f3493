package dev.kafkalab.cluster;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ports a start uses: each node's on 127.0.0.1 (the wanted ones when free, else any free one,
 * with a note), and, for a class, each broker's class listener on the class's address.
 */
record PortPlan(Map<Integer, Integer> ports, Map<Integer, Integer> classPorts) {

    static PortPlan choose(ClusterSpec spec, Map<Integer, NodeRole> roles, List<String> notes) {
        Map<Integer, Integer> ports = new LinkedHashMap<>();
        Map<Integer, Integer> classPorts = new LinkedHashMap<>();
        Set<Integer> taken = new HashSet<>();
        assignClassPorts(spec, roles, notes, classPorts, taken);
        int controllerPort = spec.controllerPort();
        if (controllerPort != 0 && !Ports.isFree(controllerPort)) {
            notes.add("Port " + controllerPort + " is in use by another program; the controller uses a free port instead.");
            controllerPort = 0;
        }
        for (Map.Entry<Integer, NodeRole> node : roles.entrySet()) {
            int wanted = node.getValue() == NodeRole.CONTROLLER ? controllerPort
                    : spec.firstBrokerPort() == 0 ? 0 : spec.firstBrokerPort() + node.getKey() - 1;
            int port = wanted;
            if (wanted != 0 && (taken.contains(wanted) || !Ports.isFree(wanted))) {
                port = 0;
            }
            while (port == 0 || taken.contains(port)) {
                port = Ports.anyFree();
            }
            if (wanted != 0 && port != wanted && node.getValue() == NodeRole.BROKER && !taken.contains(wanted)) {
                notes.add("Port " + wanted + " is in use by another program; " + node.getValue().label(node.getKey())
                        + " listens on " + port + " instead.");
            }
            taken.add(port);
            ports.put(node.getKey(), port);
        }
        return new PortPlan(ports, classPorts);
    }

    /**
     * The class listeners' ports, first: they are what learners are told. On a loopback address
     * they are also {@code taken} from the brokers' own listeners.
     */
    private static void assignClassPorts(ClusterSpec spec, Map<Integer, NodeRole> roles, List<String> notes,
            Map<Integer, Integer> classPorts, Set<Integer> taken) {
        Classroom classroom = spec.classroom();
        if (classroom == null) {
            return;
        }
        java.net.InetAddress address;
        try {
            address = java.net.InetAddress.getByName(classroom.address());
        } catch (java.net.UnknownHostException e) {
            throw new ClusterException("The class address " + classroom.address() + " does not resolve any more: "
                    + e.getMessage(), e);
        }
        Set<Integer> mine = new HashSet<>();
        for (int id : roles.keySet().stream().filter(i -> roles.get(i) == NodeRole.BROKER).toList()) {
            int wanted = classroom.firstPort() == 0 ? 0 : classroom.firstPort() + id - 1;
            int port = wanted != 0 && Ports.isFree(address, wanted) ? wanted : 0;
            while (port == 0 || mine.contains(port)) {
                port = Ports.anyFree(address);
            }
            if (wanted != 0 && port != wanted) {
                notes.add("Port " + wanted + " on " + classroom.address() + " is in use by another program; broker " + id
                        + "'s class listener is on " + port + " instead.");
            }
            mine.add(port);
            classPorts.put(id, port);
        }
        if (address.isLoopbackAddress()) {
            taken.addAll(mine);
        }
    }
}
