package io.lodestar.resolver;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jdk.incubator.foreign.CLinker;
import jdk.incubator.foreign.FunctionDescriptor;
import jdk.incubator.foreign.MemoryAccess;
import jdk.incubator.foreign.MemoryAddress;
import jdk.incubator.foreign.MemorySegment;
import jdk.incubator.foreign.ResourceScope;
import jdk.incubator.foreign.SymbolLookup;

/**
 * The Linux socket calls the batched UDP path needs, through Java 17's incubating Foreign Linker
 * (ADR 0013): socket, setsockopt, bind, getsockname, recvmmsg, sendmmsg, shutdown, close. Struct
 * offsets are those of the LP64 Linux ABI (x86-64 and AArch64, the only architectures
 * {@link UdpIo} admits). Loaded only after {@link UdpIo} has found the module and native access
 * enabled, so a JVM without them never touches these classes.
 */
final class LinuxUdp {

    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int SOL_SOCKET = 1;
    private static final int SO_SNDBUF = 7;
    private static final int SO_RCVBUF = 8;
    private static final int SO_REUSEPORT = 15;
    private static final int SO_RCVTIMEO = 20;
    private static final int IPPROTO_IPV6 = 41;
    private static final int IPV6_V6ONLY = 26;
    private static final int SHUT_RDWR = 2;
    static final int MSG_WAITFORONE = 0x10000;
    static final int MSG_TRUNC = 0x20;
    static final int EAGAIN = 11;
    static final int EINTR = 4;
    private static final int EADDRINUSE = 98;
    private static final int EADDRNOTAVAIL = 99;
    private static final int EACCES = 13;

    /** struct mmsghdr: a struct msghdr (56 bytes) and the unsigned msg_len, padded to 64. */
    static final int MMSGHDR = 64;
    static final int MSG_NAME = 0;
    static final int MSG_NAMELEN = 8;
    static final int MSG_IOV = 16;
    static final int MSG_IOVLEN = 24;
    static final int MSG_FLAGS = 48;
    static final int MSG_LEN = 56;
    /** struct iovec: base, length. */
    static final int IOVEC = 16;
    /** Room for a struct sockaddr_in6 (28 bytes), a sockaddr_in (16) fits too. */
    static final int SOCKADDR = 32;

    private static final MethodHandle SOCKET;
    private static final MethodHandle SETSOCKOPT;
    private static final MethodHandle BIND;
    private static final MethodHandle GETSOCKNAME;
    private static final MethodHandle RECVMMSG;
    private static final MethodHandle SENDMMSG;
    private static final MethodHandle SHUTDOWN;
    private static final MethodHandle CLOSE;
    private static final MethodHandle ERRNO_LOCATION;
    private static final MethodHandle STRERROR;

    static {
        CLinker c = CLinker.getInstance();
        SymbolLookup libc = CLinker.systemLookup();
        MethodType iii = MethodType.methodType(int.class, int.class, int.class, int.class);
        SOCKET = handle(c, libc, "socket", iii, FunctionDescriptor.of(CLinker.C_INT, CLinker.C_INT, CLinker.C_INT, CLinker.C_INT));
        SETSOCKOPT = handle(c, libc, "setsockopt",
                MethodType.methodType(int.class, int.class, int.class, int.class, MemoryAddress.class, int.class),
                FunctionDescriptor.of(CLinker.C_INT, CLinker.C_INT, CLinker.C_INT, CLinker.C_INT, CLinker.C_POINTER,
                        CLinker.C_INT));
        BIND = handle(c, libc, "bind", MethodType.methodType(int.class, int.class, MemoryAddress.class, int.class),
                FunctionDescriptor.of(CLinker.C_INT, CLinker.C_INT, CLinker.C_POINTER, CLinker.C_INT));
        GETSOCKNAME = handle(c, libc, "getsockname",
                MethodType.methodType(int.class, int.class, MemoryAddress.class, MemoryAddress.class),
                FunctionDescriptor.of(CLinker.C_INT, CLinker.C_INT, CLinker.C_POINTER, CLinker.C_POINTER));
        RECVMMSG = handle(c, libc, "recvmmsg",
                MethodType.methodType(int.class, int.class, MemoryAddress.class, int.class, int.class, MemoryAddress.class),
                FunctionDescriptor.of(CLinker.C_INT, CLinker.C_INT, CLinker.C_POINTER, CLinker.C_INT, CLinker.C_INT,
                        CLinker.C_POINTER));
        SENDMMSG = handle(c, libc, "sendmmsg",
                MethodType.methodType(int.class, int.class, MemoryAddress.class, int.class, int.class),
                FunctionDescriptor.of(CLinker.C_INT, CLinker.C_INT, CLinker.C_POINTER, CLinker.C_INT, CLinker.C_INT));
        SHUTDOWN = handle(c, libc, "shutdown", MethodType.methodType(int.class, int.class, int.class),
                FunctionDescriptor.of(CLinker.C_INT, CLinker.C_INT, CLinker.C_INT));
        CLOSE = handle(c, libc, "close", MethodType.methodType(int.class, int.class),
                FunctionDescriptor.of(CLinker.C_INT, CLinker.C_INT));
        ERRNO_LOCATION = handle(c, libc, "__errno_location", MethodType.methodType(MemoryAddress.class),
                FunctionDescriptor.of(CLinker.C_POINTER));
        STRERROR = handle(c, libc, "strerror", MethodType.methodType(MemoryAddress.class, int.class),
                FunctionDescriptor.of(CLinker.C_POINTER, CLinker.C_INT));
    }

    private LinuxUdp() {
    }

    private static MethodHandle handle(CLinker c, SymbolLookup libc, String name, MethodType type, FunctionDescriptor f) {
        MemoryAddress symbol = libc.lookup(name).orElseThrow(() -> new UnsupportedOperationException("no " + name + " in libc"));
        return c.downcallHandle(symbol, type, f);
    }

    /**
     * A UDP socket bound to {@code host:port}, with 1 MiB buffers, a receive timeout (so a blocked
     * receiver looks at its stop flag now and then), and SO_REUSEPORT when {@code reusePort}.
     * The IPv4 wildcard binds the IPv6 wildcard, dual-stack, as the JDK's channels do.
     *
     * @return the file descriptor
     * @throws IOException ({@link BindException} for an address taken, not local or not allowed)
     */
    static int bind(InetAddress host, int port, boolean reusePort, int receiveTimeoutMillis) throws IOException {
        boolean wildcard4 = host instanceof Inet4Address && host.isAnyLocalAddress();
        int family = host instanceof Inet6Address || wildcard4 ? AF_INET6 : AF_INET;
        int fd = socket(family);
        if (fd < 0 && wildcard4) {
            family = AF_INET; // no IPv6 on this machine
            fd = socket(family);
        }
        if (fd < 0) {
            throw failure("socket");
        }
        try (ResourceScope scope = ResourceScope.newConfinedScope()) {
            MemorySegment value = MemorySegment.allocateNative(16, 8, scope);
            setInt(fd, SOL_SOCKET, SO_RCVBUF, 1 << 20, value);
            setInt(fd, SOL_SOCKET, SO_SNDBUF, 1 << 20, value);
            if (reusePort) {
                setInt(fd, SOL_SOCKET, SO_REUSEPORT, 1, value);
            }
            if (family == AF_INET6) {
                setInt(fd, IPPROTO_IPV6, IPV6_V6ONLY, 0, value);
            }
            MemoryAccess.setLongAtOffset(value, 0, receiveTimeoutMillis / 1000); // struct timeval
            MemoryAccess.setLongAtOffset(value, 8, (receiveTimeoutMillis % 1000) * 1000L);
            check(setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, value, 16), "setsockopt SO_RCVTIMEO");
            MemorySegment address = MemorySegment.allocateNative(SOCKADDR, 8, scope);
            int length = sockaddr(address.asByteBuffer().order(ByteOrder.nativeOrder()), family,
                    wildcard4 ? null : host, port);
            if ((int) BIND.invokeExact(fd, address.address(), length) != 0) {
                int errno = errno();
                BindException e = new BindException(message(errno));
                if (errno != EADDRINUSE && errno != EADDRNOTAVAIL && errno != EACCES) {
                    throw new IOException("bind: " + message(errno), e);
                }
                throw e;
            }
            return fd;
        } catch (IOException | RuntimeException e) {
            close(fd);
            throw e;
        } catch (Throwable t) {
            close(fd);
            throw new IOException("native bind", t);
        }
    }

    /** The port {@code fd} is bound to. */
    static int localPort(int fd) throws IOException {
        try (ResourceScope scope = ResourceScope.newConfinedScope()) {
            MemorySegment address = MemorySegment.allocateNative(SOCKADDR, 8, scope);
            MemorySegment length = MemorySegment.allocateNative(4, 4, scope);
            MemoryAccess.setInt(length, SOCKADDR);
            check((int) GETSOCKNAME.invokeExact(fd, address.address(), length.address()), "getsockname");
            return (MemoryAccess.getByteAtOffset(address, 2) & 0xff) << 8 | MemoryAccess.getByteAtOffset(address, 3) & 0xff;
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException("getsockname", t);
        }
    }

    /** Writes a sockaddr_in or sockaddr_in6 for {@code host} (null: the wildcard) at the buffer's start; its length. */
    private static int sockaddr(ByteBuffer b, int family, InetAddress host, int port) {
        for (int i = 0; i < SOCKADDR; i++) {
            b.put(i, (byte) 0);
        }
        b.putShort(0, (short) family);
        b.put(2, (byte) (port >>> 8)).put(3, (byte) port); // network order
        if (family == AF_INET) {
            b.put(4, host.getAddress());
            return 16;
        }
        if (host != null) {
            byte[] raw = host.getAddress();
            if (raw.length == 4) { // an IPv4 address on the dual-stack socket: ::ffff:a.b.c.d
                b.put(18, (byte) 0xff).put(19, (byte) 0xff).put(20, raw);
            } else {
                b.put(8, raw);
                b.putInt(24, ((Inet6Address) host).getScopeId());
            }
        }
        return 28;
    }

    private static int socket(int family) throws IOException {
        try {
            return (int) SOCKET.invokeExact(family, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        } catch (Throwable t) {
            throw new IOException("socket", t);
        }
    }

    private static void setInt(int fd, int level, int option, int v, MemorySegment value) throws IOException {
        MemoryAccess.setInt(value, v);
        check(setsockopt(fd, level, option, value, 4), "setsockopt " + option);
    }

    private static int setsockopt(int fd, int level, int option, MemorySegment value, int length) throws IOException {
        try {
            return (int) SETSOCKOPT.invokeExact(fd, level, option, value.address(), length);
        } catch (Throwable t) {
            throw new IOException("setsockopt", t);
        }
    }

    /** recvmmsg(2): datagrams received into {@code vector}, or -1 (see {@link #errno()}). */
    static int recvmmsg(int fd, MemoryAddress vector, int length, int flags) {
        try {
            return (int) RECVMMSG.invokeExact(fd, vector, length, flags, MemoryAddress.NULL);
        } catch (Throwable t) {
            throw new IllegalStateException("recvmmsg", t);
        }
    }

    /** sendmmsg(2): datagrams sent from {@code vector}, or -1 (see {@link #errno()}). */
    static int sendmmsg(int fd, MemoryAddress vector, int length) {
        try {
            return (int) SENDMMSG.invokeExact(fd, vector, length, 0);
        } catch (Throwable t) {
            throw new IllegalStateException("sendmmsg", t);
        }
    }

    /** Wakes a receiver blocked on {@code fd} (it returns at once, with nothing) and stops it receiving more. */
    static void shutdown(int fd) {
        try {
            int ignored = (int) SHUTDOWN.invokeExact(fd, SHUT_RDWR); // ENOTCONN on UDP, but it wakes
        } catch (Throwable t) {
            // closing anyway
        }
    }

    static void close(int fd) {
        try {
            int ignored = (int) CLOSE.invokeExact(fd);
        } catch (Throwable t) {
            // nothing to do
        }
    }

    /** The calling thread's errno, read right after the call that failed. */
    static int errno() {
        try {
            MemoryAddress at = (MemoryAddress) ERRNO_LOCATION.invokeExact();
            return MemoryAccess.getInt(at.asSegment(4, ResourceScope.globalScope()));
        } catch (Throwable t) {
            return 0;
        }
    }

    static String message(int errno) {
        try {
            return CLinker.toJavaString((MemoryAddress) STRERROR.invokeExact(errno));
        } catch (Throwable t) {
            return "errno " + errno;
        }
    }

    private static void check(int result, String what) throws IOException {
        if (result != 0) {
            throw failure(what);
        }
    }

    private static IOException failure(String what) {
        return new IOException(what + ": " + message(errno()));
    }
}
