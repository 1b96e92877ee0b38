package io.lodestar.resolver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
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
            "--probe-from", "127.0.0.2"});
        assertEquals(Path.of("/tmp/x"), o.data());
        assertEquals("0:0:0:0:0:0:0:1", o.dns().getAddress().getHostAddress());
        assertEquals(9000, o.api().getPort());
        assertEquals("gslb.example.com.", o.zone());
        assertEquals("beijing.CN/ct", o.site());
        assertEquals(Path.of("z.txt"), o.zoneFile().orElseThrow());
        assertEquals("https://10.0.0.5:8053", o.advertise().orElseThrow());
        assertEquals("127.0.0.2", o.probeFrom().orElseThrow().getHostAddress());
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
}
