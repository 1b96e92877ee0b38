package io.lodestar.resolver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestar.resources.ip.IpLocator;
import io.lodestar.resources.region.Regions;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;
import org.xbill.DNS.ZoneTransferException;
import org.xbill.DNS.ZoneTransferIn;

/** AXFR for allow-listed clients (CONTRACT §4 "AXFR is refused unless allowed for listed addresses"). */
class ZoneTransferIT {

    private static final String ZONE = String.join("\n",
            "$ORIGIN gtm.lodestar.test.",
            "$TTL 300",
            "@    IN SOA ns1 hostmaster 7 3600 600 86400 60",
            "@    IN NS  ns1",
            "ns1  IN A   127.0.0.1",
            "www  IN A   192.0.2.10",
            "www  IN A   192.0.2.11",
            "mail IN MX  10 mx.example.net.",
            "txt  IN TXT \"hello\"", "");

    @TempDir
    Path dir;

    private NodeMain start(String... extra) throws Exception {
        Path zone = dir.resolve("zone.txt");
        Files.writeString(zone, ZONE);
        Regions regions = Regions.load();
        List<String> args = new java.util.ArrayList<>(List.of("--data", dir.resolve("data").toString(), "--dns",
                "127.0.0.1:0", "--api", "127.0.0.1:0", "--admin-token", "zone-transfer-test-token", "--zone-file", zone.toString()));
        args.addAll(List.of(extra));
        return NodeMain.start(NodeOptions.parse(args.toArray(new String[0])), regions, IpLocator.load(regions));
    }

    @Test
    void anAllowedClientGetsTheWholeStaticZoneBetweenTwoSoas() throws Exception {
        try (NodeMain node = start("--axfr-allow", "10.0.0.0/8,127.0.0.1")) {
            ZoneTransferIn xfr = ZoneTransferIn.newAXFR(Name.fromString("gtm.lodestar.test."), "127.0.0.1",
                    node.dns().tcpAddress().getPort(), null);
            xfr.setTimeout(Duration.ofSeconds(5));
            xfr.run();
            List<Record> records = xfr.getAXFR();
            assertEquals(Type.SOA, records.get(0).getType());
            assertEquals(Type.SOA, records.get(records.size() - 1).getType());
            assertEquals(8, records.size(), records.toString()); // SOA, NS, A ns1, 2 × A www, MX, TXT, SOA
            assertTrue(records.stream().anyMatch(r -> r.getName().toString().equals("www.gtm.lodestar.test.")
                    && r.rdataToString().equals("192.0.2.11")), records.toString());
        }
    }

    @Test
    void aZoneLargerThanOneMessageComesWholeInSeveralMessages() throws Exception {
        StringBuilder big = new StringBuilder(ZONE);
        for (int i = 0; i < 4000; i++) { // about 200 KiB of records: four messages or more
            big.append("host").append(i).append(" IN TXT \"").append("x".repeat(40)).append(i).append("\"\n");
        }
        Path zone = dir.resolve("big.txt");
        Files.writeString(zone, big.toString());
        Regions regions = Regions.load();
        NodeOptions options = NodeOptions.parse(new String[] {"--data", dir.resolve("data").toString(), "--dns",
                "127.0.0.1:0", "--api", "127.0.0.1:0", "--admin-token", "zone-transfer-test-token", "--zone-file",
                zone.toString(), "--axfr-allow", "127.0.0.1"});
        try (NodeMain node = NodeMain.start(options, regions, IpLocator.load(regions))) {
            int port = node.dns().tcpAddress().getPort();
            List<Message> messages = rawTransfer(port);
            assertTrue(messages.size() >= 4, "messages: " + messages.size());
            List<Record> records = new java.util.ArrayList<>();
            for (Message m : messages) {
                assertEquals(messages.get(0).getHeader().getID(), m.getHeader().getID());
                assertTrue(m.getHeader().getFlag(org.xbill.DNS.Flags.AA));
                records.addAll(m.getSection(org.xbill.DNS.Section.ANSWER));
            }
            assertEquals(Type.SOA, records.get(0).getType());
            assertEquals(Type.SOA, records.get(records.size() - 1).getType());
            assertEquals(8 + 4000, records.size());
            assertEquals(4000, records.stream().filter(r -> r.getName().toString().startsWith("host")).distinct().count());

            ZoneTransferIn xfr = ZoneTransferIn.newAXFR(Name.fromString("gtm.lodestar.test."), "127.0.0.1", port, null);
            xfr.setTimeout(Duration.ofSeconds(10));
            xfr.run();
            assertEquals(8 + 4000, xfr.getAXFR().size()); // and a standard client reads it as one zone
        }
    }

    /** Reads every message of one AXFR over one TCP connection until the closing SOA. */
    private static List<Message> rawTransfer(int port) throws Exception {
        byte[] q = Message.newQuery(Record.newRecord(Name.fromString("gtm.lodestar.test."), Type.AXFR, DClass.IN)).toWire();
        List<Message> out = new java.util.ArrayList<>();
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
            s.setSoTimeout(5000);
            java.io.DataOutputStream o = new java.io.DataOutputStream(s.getOutputStream());
            o.writeShort(q.length);
            o.write(q);
            o.flush();
            java.io.DataInputStream in = new java.io.DataInputStream(s.getInputStream());
            int soas = 0;
            for (int guard = 0; soas < 2 && guard < 100; guard++) {
                byte[] m = new byte[in.readUnsignedShort()];
                in.readFully(m);
                Message msg = new Message(m);
                out.add(msg);
                soas += (int) msg.getSection(org.xbill.DNS.Section.ANSWER).stream().filter(r -> r.getType() == Type.SOA).count();
            }
        }
        return out;
    }

    @Test
    void aClientNotOnTheListIsRefused() throws Exception {
        try (NodeMain node = start("--axfr-allow", "10.0.0.0/8")) {
            ZoneTransferIn xfr = ZoneTransferIn.newAXFR(Name.fromString("gtm.lodestar.test."), "127.0.0.1",
                    node.dns().tcpAddress().getPort(), null);
            xfr.setTimeout(Duration.ofSeconds(5));
            ZoneTransferException e = assertThrows(ZoneTransferException.class, xfr::run);
            assertTrue(e.getMessage().contains("REFUSED"), e.getMessage());
        }
    }

    @Test
    void anAllowedClientAskingOverUdpIsToldItIsNotImplemented() throws Exception {
        try (NodeMain node = start("--axfr-allow", "127.0.0.1/32")) {
            // raw UDP: dnsjava's resolvers turn an AXFR query into a TCP transfer by themselves
            byte[] q = Message.newQuery(Record.newRecord(Name.fromString("gtm.lodestar.test."), Type.AXFR, DClass.IN)).toWire();
            try (DatagramSocket s = new DatagramSocket()) {
                s.setSoTimeout(3000);
                s.send(new DatagramPacket(q, q.length, InetAddress.getByName("127.0.0.1"), node.dns().udpAddress().getPort()));
                DatagramPacket p = new DatagramPacket(new byte[512], 512);
                s.receive(p);
                assertEquals(Rcode.NOTIMP, new Message(java.util.Arrays.copyOf(p.getData(), p.getLength())).getRcode());
            }
        }
    }
}
