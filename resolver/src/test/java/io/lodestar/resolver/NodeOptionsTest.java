package io.lodestar.resolver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeOptionsTest {

    @Test
    void defaultsAreTheContracts() {
        NodeOptions o = NodeOptions.parse(new String[0]);
        assertEquals(15353, o.dns().getPort());
        assertEquals("127.0.0.1", o.dns().getAddress().getHostAddress());
        assertEquals(8053, o.api().getPort());
        assertEquals("gtm.lodestar.test.", o.zone());
        assertEquals("none.CN/other", o.site());
        assertTrue(o.data().endsWith(Path.of(".lodestar", "node")));
        assertTrue(o.adminToken().isEmpty());
    }

    @Test
    void everyOptionIsRead() {
        NodeOptions o = NodeOptions.parse(new String[] {"--data", "/tmp/x", "--dns", "[::1]:5300", "--api=0.0.0.0:9000",
            "--zone", "GSLB.Example.com", "--admin-token", "0123456789abcdef-x", "--site", "beijing.CN/ct",
            "--zone-file", "z.txt", "--tls-cert", "c.pem", "--tls-key", "k.pem", "--advertise", "https://10.0.0.5:8053/",
            "--probe-from", "127.0.0.2", "--http-dns", "127.0.0.1:8054", "--peer-ca", "peers.pem"});
        assertEquals(Path.of("/tmp/x"), o.data());
        assertEquals("0:0:0:0:0:0:0:1", o.dns().getAddress().getHostAddress());
        assertEquals(9000, o.api().getPort());
        assertEquals("gslb.example.com.", o.zone());
        assertEquals("beijing.CN/ct", o.site());
        assertEquals(Path.of("z.txt"), o.zoneFile().orElseThrow());
        assertEquals("https://10.0.0.5:8053", o.advertise().orElseThrow());
        assertEquals("127.0.0.2", o.probeFrom().orElseThrow().getHostAddress());
        assertEquals(8054, o.httpDns().orElseThrow().getPort());
        assertEquals(Path.of("peers.pem"), o.peerCa().orElseThrow());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--frobnicate 1          | unknown option '--frobnicate'",
        "--dns                   | --dns needs a value",
        "--dns 127.0.0.1         | --dns: expected HOST:PORT",
        "--dns localhost:53      | --dns: 'localhost' is not an IP address",
        "--api 127.0.0.1:70000   | --api: port must be 0–65535",
        "--api 127.0.0.1:http    | --api: 'http' is not a port number",
        "--zone bad..zone        | --zone: 'bad..zone' is not a domain name",
        "--site beijing          | --site: expected AREA/ISP",
        "--admin-token short     | --admin-token: use at least 16",
        "--tls-cert c.pem        | --tls-cert and --tls-key go together",
        "--axfr-allow 10.0.0.1/8 | --axfr-allow: '10.0.0.1/8' is not a valid CIDR",
        "--axfr-allow nowhere    | --axfr-allow: 'nowhere' is not an address or CIDR",
        "--advertise 10.0.0.5:80 | --advertise: expected http://HOST:PORT",
        "--probe-from eth0       | --probe-from: 'eth0' is not an IP address",
    })
    void badOptionsGiveAOneLineReason(String args, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NodeOptions.parse(args.trim().split("\\s+")));
        assertTrue(e.getMessage().startsWith(reason), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }

    @Test
    void aConfigFileGivesOptionsAndTheCommandLineOverridesThem(@TempDir Path dir) throws IOException {
        Path conf = dir.resolve("node.conf");
        Files.writeString(conf, String.join("\n",
                "# /etc/lodestar/node.conf",
                "data = /var/lib/lodestar",
                "",
                "dns = 0.0.0.0:53",
                "  api=127.0.0.1:8053  ",
                "site = beijing.CN/ct",
                "axfr-allow = 10.0.0.0/8",
                "# zone-file = /etc/lodestar/zone.txt"));
        NodeOptions o = NodeOptions.parse(new String[] {"--api", "127.0.0.1:9053", "--config", conf.toString(),
            "--axfr-allow=::1"});
        assertEquals(Path.of("/var/lib/lodestar"), o.data());
        assertEquals(53, o.dns().getPort());
        assertEquals("0.0.0.0", o.dns().getAddress().getHostAddress());
        assertEquals(9053, o.api().getPort(), "the command line wins over the file");
        assertEquals("beijing.CN/ct", o.site());
        assertEquals(2, o.axfrAllow().size(), "--axfr-allow adds to the file's");
        assertTrue(o.zoneFile().isEmpty(), "commented lines are skipped");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "dns = 127.0.0.1      | line 2: --dns: expected HOST:PORT",
        "colour = blue        | line 2: unknown option '--colour'",
        "--dns = 0.0.0.0:53   | line 2: '--dns' is not an option name here",
        "config = other.conf  | line 2: 'config' is not an option name here",
        "site                 | line 2: expected 'name = value', got 'site'",
        "zone-file =          | line 2: zone-file has no value",
    })
    void aBadConfigLineIsRefusedWithItsLineNumber(String line, String reason, @TempDir Path dir) throws IOException {
        Path conf = dir.resolve("node.conf");
        Files.writeString(conf, "# first line\n" + line + "\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NodeOptions.parse(new String[] {"--config", conf.toString()}));
        assertTrue(e.getMessage().startsWith(conf + " " + reason), e.getMessage());
    }

    @Test
    void aMissingConfigFileOrASecondConfigIsRefused(@TempDir Path dir) {
        assertEquals("--config: no such file " + dir.resolve("none.conf"), assertThrows(IllegalArgumentException.class,
                () -> NodeOptions.parse(new String[] {"--config", dir.resolve("none.conf").toString()})).getMessage());
        assertEquals("--config given twice", assertThrows(IllegalArgumentException.class,
                () -> NodeOptions.parse(new String[] {"--config", "a", "--config", "b"})).getMessage());
    }
}
