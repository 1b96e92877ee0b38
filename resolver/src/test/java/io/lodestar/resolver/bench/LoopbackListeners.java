package io.lodestar.resolver.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Iterator;

/**
 * {@code LoopbackListeners N PORT SECONDS}: N TCP listeners on 127.2.x.y:PORT (one per address),
 * accepting and closing every connection on one NIO thread, for the probing-load benchmark
 * ({@code bench/dns-under-probes.sh}). Prints "listening N" when ready; exits after SECONDS.
 */
public final class LoopbackListeners {

    private LoopbackListeners() {
    }

    /** The i-th endpoint address, 127.2.0.1 … (250 per third octet). */
    public static String address(int i) {
        return "127.2." + (i / 250) + "." + (i % 250 + 1);
    }

    public static void main(String[] args) throws IOException {
        int n = Integer.parseInt(args[0]);
        int port = Integer.parseInt(args[1]);
        long until = System.nanoTime() + Long.parseLong(args[2]) * 1_000_000_000L;
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < n; i++) {
                ServerSocketChannel s = ServerSocketChannel.open();
                s.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                s.bind(new InetSocketAddress(InetAddress.getByName(address(i)), port), 64);
                s.configureBlocking(false);
                s.register(selector, SelectionKey.OP_ACCEPT);
            }
            System.out.println("listening " + n);
            System.out.flush();
            long accepted = 0;
            while (System.nanoTime() < until) {
                selector.select(500);
                Iterator<SelectionKey> it = selector.selectedKeys().iterator();
                while (it.hasNext()) {
                    SelectionKey k = it.next();
                    it.remove();
                    SocketChannel c;
                    while ((c = ((ServerSocketChannel) k.channel()).accept()) != null) {
                        c.close();
                        accepted++;
                    }
                }
            }
            System.out.println("accepted " + accepted);
        }
    }
}
