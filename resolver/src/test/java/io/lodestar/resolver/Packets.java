package io.lodestar.resolver;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.xbill.DNS.Message;

/** Hand-made DNS packets, for what a well-behaved client library cannot send, and raw sockets. */
final class Packets {

    private Packets() {
    }

    /** Header + the given sections' bytes; counts as given (they may lie on purpose). */
    static byte[] message(int id, int flags, int qd, int an, int ns, int ar, byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        u16(out, id);
        u16(out, flags);
        u16(out, qd);
        u16(out, an);
        u16(out, ns);
        u16(out, ar);
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** A standard query (RD set) with one question and the given additional records. */
    static byte[] query(int id, String name, int type, byte[]... additional) {
        byte[][] parts = new byte[additional.length + 1][];
        parts[0] = question(name, type, 1);
        System.arraycopy(additional, 0, parts, 1, additional.length);
        return message(id, 0x0100, 1, 0, 0, additional.length, parts);
    }

    static byte[] question(String name, int type, int dclass) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(name(name));
        u16(out, type);
        u16(out, dclass);
        return out.toByteArray();
    }

    static byte[] name(String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String label : name.split("\\.")) {
            if (!label.isEmpty()) {
                byte[] b = label.getBytes(StandardCharsets.US_ASCII);
                out.write(b.length);
                out.writeBytes(b);
            }
        }
        out.write(0);
        return out.toByteArray();
    }

    /** An OPT pseudo-record (RFC 6891 §6.1.2) with raw option bytes. */
    static byte[] opt(int payload, int version, byte[] options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0); // root
        u16(out, 41);
        u16(out, payload);
        out.write(0); // extended rcode
        out.write(version);
        u16(out, 0); // flags
        u16(out, options.length);
        out.writeBytes(options);
        return out.toByteArray();
    }

    /** A Client Subnet option (RFC 7871 §6) exactly as given, however wrong. */
    static byte[] ecs(int family, int source, int scope, byte... address) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        u16(out, 8);
        u16(out, 4 + address.length);
        u16(out, family);
        out.write(source);
        out.write(scope);
        out.writeBytes(address);
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static void u16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }

    /** Sends one datagram; the parsed reply, or null when none came within {@code waitMillis}. */
    static Message udp(InetSocketAddress server, byte[] packet, int waitMillis) throws IOException {
        try (DatagramSocket s = new DatagramSocket()) {
            s.setSoTimeout(waitMillis);
            s.send(new DatagramPacket(packet, packet.length, server));
            byte[] buf = new byte[65_535];
            DatagramPacket in = new DatagramPacket(buf, buf.length);
            try {
                s.receive(in);
            } catch (SocketTimeoutException e) {
                return null;
            }
            return new Message(Arrays.copyOf(buf, in.getLength()));
        }
    }

    /** Writes a length-prefixed message. */
    static void frame(OutputStream out, byte[] message) throws IOException {
        out.write(message.length >>> 8);
        out.write(message.length);
        out.write(message);
    }

    /** Reads one length-prefixed reply. */
    static Message readFrame(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readUnsignedShort()];
        in.readFully(b);
        return new Message(b);
    }

    /** One query over a fresh TCP connection. */
    static Message tcp(InetSocketAddress server, byte[] packet) throws IOException {
        try (Socket s = new Socket(server.getAddress(), server.getPort())) {
            s.setSoTimeout(3000);
            frame(s.getOutputStream(), packet);
            return readFrame(new DataInputStream(s.getInputStream()));
        }
    }
}
