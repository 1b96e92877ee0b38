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
 *
 * <p>They stand in for servers on other machines, so they should cost this machine as little as
 * they can: the kernel completes each handshake by itself (a probe is up once the SYN-ACK comes
 * back), and the queue of a listener (backlog 1 024) needs emptying only now and then. So the
 * thread polls every {@value #POLL_MS} ms instead of sleeping in the selector, where every
 * connection would wake it (a context switch on the node's core for every probe).
 */
public final class LoopbackListeners {

    private static final int POLL_MS = 20;

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
                s.bind(new InetSocketAddress(InetAddress.getByName(address(i)), port), 1024);
                s.configureBlocking(false);
                s.register(selector, SelectionKey.OP_ACCEPT);
            }
            System.out.println("listening " + n);
            System.out.flush();
            long accepted = 0;
            while (System.nanoTime() < until) {
                selector.selectNow();
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
                try {
                    Thread.sleep(POLL_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            System.out.println("accepted " + accepted);
        }
    }
}
