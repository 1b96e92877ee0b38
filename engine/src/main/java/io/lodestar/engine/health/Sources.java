package io.lodestar.engine.health;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.NetworkChannel;
import java.util.Optional;

/** Binds a probe's socket to the monitor host's chosen local address, when one is set and fits the target's family. */
final class Sources {

    private Sources() {
    }

    static void bind(Optional<InetAddress> source, InetAddress target, Socket socket) throws IOException {
        if (source.isPresent() && (source.get() instanceof Inet4Address) == (target instanceof Inet4Address)) {
            socket.bind(new InetSocketAddress(source.get(), 0));
        }
    }

    static void bind(Optional<InetAddress> source, InetAddress target, NetworkChannel channel) throws IOException {
        if (source.isPresent() && (source.get() instanceof Inet4Address) == (target instanceof Inet4Address)) {
            channel.bind(new InetSocketAddress(source.get(), 0));
        }
    }
}
