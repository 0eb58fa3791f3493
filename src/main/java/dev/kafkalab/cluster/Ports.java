package dev.kafkalab.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Free-port checks on the loopback interface, where every node listens (and on a class's address). */
final class Ports {

    private Ports() {
    }

    static boolean isFree(int port) {
        return isFree(InetAddress.getLoopbackAddress(), port);
    }

    static boolean isFree(InetAddress address, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int anyFree() {
        return anyFree(InetAddress.getLoopbackAddress());
    }

    static int anyFree(InetAddress address) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new ClusterException("No free port on " + address.getHostAddress() + ": " + e.getMessage(), e);
        }
    }
}
