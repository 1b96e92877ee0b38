package io.lodestar.resolver;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How UDP datagrams reach the pipeline (ADR 0013), chosen by the system property
 * {@value #PROPERTY}: {@code mmsg} (the default where it is available: Linux x86-64 or AArch64,
 * the JVM started with {@code --add-modules jdk.incubator.foreign --enable-native-access=ALL-UNNAMED},
 * as the {@code lodestar} launcher and the node package do) or {@code nio}. Asked for where it is not
 * available, or when its sockets cannot be bound, {@code mmsg} falls back to {@code nio} and says so
 * in the log; a bind error the NIO path also meets is reported as before.
 */
enum UdpIo {
    /** The JDK's DatagramChannel, one receive and one send per query ({@link UdpListener}). */
    NIO,
    /** recvmmsg(2)/sendmmsg(2) in batches on natively owned sockets ({@link MmsgUdpListener}). */
    MMSG;

    static final String PROPERTY = "lodestar.udp";

    private static final Logger LOG = LoggerFactory.getLogger("io.lodestar.resolver");

    /** The path asked for by {@code value} (null or blank: the default). */
    static UdpIo asked(String value) {
        if (value == null || value.isBlank()) {
            return MMSG;
        }
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "nio":
                return NIO;
            case "mmsg":
                return MMSG;
            default:
                throw new IllegalArgumentException(PROPERTY + " must be nio or mmsg, not '" + value + "'");
        }
    }

    /** Why the mmsg path cannot run in this JVM, or null when it can; found out once. */
    static String mmsgUnavailable() {
        return Probe.UNAVAILABLE;
    }

    /** Holds the answer; referring to the native classes only by name until they are known to load. */
    private static final class Probe {
        static final String UNAVAILABLE = probe();

        private static String probe() {
            String os = System.getProperty("os.name", "");
            String arch = System.getProperty("os.arch", "");
            if (!os.equals("Linux") || !(arch.equals("amd64") || arch.equals("aarch64"))) {
                return "not Linux on x86-64 or AArch64";
            }
            if (ModuleLayer.boot().findModule("jdk.incubator.foreign").isEmpty()) {
                return "the JVM runs without --add-modules jdk.incubator.foreign";
            }
            try {
                Class.forName(UdpIo.class.getPackageName() + ".LinuxUdp", true, UdpIo.class.getClassLoader());
                return null;
            } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
                Throwable cause = e instanceof ExceptionInInitializerError && e.getCause() != null ? e.getCause() : e;
                return cause instanceof IllegalCallerException
                        ? "native access is not enabled (--enable-native-access=ALL-UNNAMED)" : cause.toString();
            }
        }
    }

    /** The lower-case name the property and the log use. */
    String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Binds the path the property {@value #PROPERTY} asks for, as {@link UdpListener#bind} does;
     * an mmsg path that is unavailable or fails to bind gives way to NIO.
     */
    static UdpPath bind(InetSocketAddress address, int sockets, QueryPipeline pipeline, Problems problems)
            throws IOException {
        boolean explicit = System.getProperty(PROPERTY) != null;
        if (asked(System.getProperty(PROPERTY)) == NIO) {
            return UdpListener.bind(address, sockets, pipeline, problems);
        }
        String unavailable = mmsgUnavailable();
        if (unavailable != null) {
            if (explicit) {
                LOG.warn("dns udp: {}=mmsg is not available ({}); using nio", PROPERTY, unavailable);
            }
            return UdpListener.bind(address, sockets, pipeline, problems);
        }
        IOException failed;
        try {
            return MmsgUdpListener.bind(address, sockets, pipeline, problems);
        } catch (IOException e) {
            failed = e;
        }
        UdpListener nio = UdpListener.bind(address, sockets, pipeline, problems); // the same error, if the address is at fault
        LOG.warn("dns udp: recvmmsg sockets could not be bound ({}); using nio", failed.getMessage());
        return nio;
    }
}
