package io.lodestar.installers;

import static io.lodestar.installers.Commands.ok;
import static io.lodestar.installers.Commands.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * The packages built by the installers profile, installed into this machine (root and dpkg needed,
 * else skipped): the node's .deb starts as its service would and answers DNS; the console's .deb
 * opens its window under a virtual display from its desktop entry; both uninstall leaving user data.
 * Sizes and the first-window time go to target/installers-figures.txt.
 */
class InstallersIT {

    static final Path PACKAGES = Path.of("target", "jpackage", "packages");
    static final Path IMAGES = Path.of("target", "jpackage", "image");
    static final Path FIGURES = Path.of("target", "installers-figures.txt");
    static final long MAX_INSTALLER_BYTES = 120L * 1024 * 1024;
    static final Path DATA = Path.of("/var/lib/lodestar");
    static final Path CONF = Path.of("/etc/lodestar/node.conf");
    static final Path UNIT = Path.of("/lib/systemd/system/lodestar-node.service");
    static final Map<String, String> PURGE_DATA = Map.of("LODESTAR_PURGE_DATA", "yes");

    @BeforeAll
    static void figuresStartEmpty() throws IOException {
        Files.deleteIfExists(FIGURES);
    }

    @Test
    void theAppImageAndEveryPackageAreBuiltWithinTheSizeBudget() throws IOException {
        assertTrue(Files.isExecutable(IMAGES.resolve("Lodestar/bin/Lodestar")), "console app-image launcher");
        assertTrue(Files.isExecutable(IMAGES.resolve("lodestar-node/bin/lodestar-node")), "node app-image launcher");
        assertTrue(Files.exists(IMAGES.resolve("Lodestar/lib/runtime/lib/server/classes.jsa")), "the console's CDS archive");
        List<Path> packages;
        try (Stream<Path> s = Files.list(PACKAGES)) {
            packages = s.sorted().toList();
        }
        assertTrue(packages.stream().anyMatch(p -> p.getFileName().toString().matches("lodestar_.*\\.deb")), packages.toString());
        assertTrue(packages.stream().anyMatch(p -> p.getFileName().toString().matches("lodestar-node_.*\\.deb")), packages.toString());
        figure("app-image " + mib(size(IMAGES.resolve("Lodestar"))) + " MiB unpacked");
        for (Path p : packages) {
            long bytes = Files.size(p);
            figure(p.getFileName() + " " + mib(bytes) + " MiB");
            assertTrue(bytes < MAX_INSTALLER_BYTES, p + " is " + mib(bytes) + " MiB");
        }
    }

    @Test
    void theNodePackageRunsAsItsServiceUserAnswersDnsAndKeepsDataUnlessAsked() throws Exception {
        assumeInstallable();
        assumeNotInstalled("lodestar-node");
        Path deb = only("lodestar-node_*.deb");
        ok("dpkg", "-i", deb.toString());
        try {
            installedNodeRunsAndUninstalls(deb);
        } finally {
            run(PURGE_DATA, "dpkg", "--purge", "lodestar-node");   // what the test installed, whatever happened
        }
    }

    private void installedNodeRunsAndUninstalls(Path deb) throws Exception {

        assertTrue(ok("getent", "passwd", "lodestar").contains(":/var/lib/lodestar:/usr/sbin/nologin"));
        PosixFileAttributes data = Files.readAttributes(DATA, PosixFileAttributes.class);
        assertEquals("lodestar", data.owner().getName());
        assertEquals("rwxr-x---", PosixFilePermissions.toString(data.permissions()));
        PosixFileAttributes conf = Files.readAttributes(CONF, PosixFileAttributes.class);
        assertEquals("lodestar", conf.group().getName());
        assertEquals("rw-r-----", PosixFilePermissions.toString(conf.permissions()));
        List<String> unit = Files.readAllLines(UNIT);
        assertTrue(unit.contains("User=lodestar"), unit.toString());
        assertTrue(unit.contains("AmbientCapabilities=CAP_NET_BIND_SERVICE"), unit.toString());

        // as the unit would run it: its ExecStart, as its user, with only CAP_NET_BIND_SERVICE
        int dnsPort = loopbackPortFree(53) ? 53 : freePort();
        int apiPort = freePort();
        String text = Files.readString(CONF)
                .replace("dns = 0.0.0.0:53", "dns = 127.0.0.1:" + dnsPort)
                .replace("api = 127.0.0.1:8053", "api = 127.0.0.1:" + apiPort);
        Files.writeString(CONF, text);
        List<String> cmd = new ArrayList<>(List.of("setpriv", "--reuid=lodestar", "--regid=lodestar", "--init-groups",
                "--inh-caps=-all,+net_bind_service", "--ambient-caps=-all,+net_bind_service",
                "--bounding-set=-all,+net_bind_service", "--no-new-privs"));
        cmd.addAll(Commands.words(unitValue(unit, "ExecStart")));
        ProcessBuilder service = new ProcessBuilder(cmd).directory(DATA.toFile()).redirectErrorStream(true);
        service.environment().putAll(Map.of("HOME", DATA.toString(), "USER", "lodestar", "LOGNAME", "lodestar"));
        Process node = service.start();
        try {
            List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
            Thread reader = new Thread(() -> new BufferedReader(new InputStreamReader(node.getInputStream(),
                    StandardCharsets.UTF_8)).lines().forEach(lines::add), "node-output");
            reader.setDaemon(true);
            reader.start();
            String dnsReady = "dns udp+tcp 127.0.0.1:" + dnsPort;
            String apiReady = "api http://127.0.0.1:" + apiPort;
            for (int i = 0; i < 600 && node.isAlive() && !(lines.contains(dnsReady) && lines.contains(apiReady)); i++) {
                Thread.sleep(100);
            }
            assertTrue(lines.contains(dnsReady) && lines.contains(apiReady), "ready lines, got " + lines);

            Message answer = soa(dnsPort);
            assertEquals(Rcode.NOERROR, answer.getRcode());
            assertTrue(answer.getHeader().getFlag(Flags.AA), "authoritative");
            assertEquals(Type.SOA, answer.getSection(Section.ANSWER).get(0).getType());

            Path tokenFile = DATA.resolve("admin.token");
            PosixFileAttributes token = Files.readAttributes(tokenFile, PosixFileAttributes.class);
            assertEquals("lodestar", token.owner().getName(), "written by the service user");
            assertEquals("rw-------", PosixFilePermissions.toString(token.permissions()));
            HttpResponse<String> whoami = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + apiPort + "/v1/whoami"))
                    .header("Authorization", "Bearer " + Files.readString(tokenFile).strip())
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, whoami.statusCode(), whoami.body());
            figure("node dns on 127.0.0.1:" + dnsPort + (dnsPort == 53 ? " (port 53 as user lodestar)" : ""));
        } finally {
            node.destroy();
            assertTrue(node.waitFor(30, TimeUnit.SECONDS), "the node stops on SIGTERM");
        }
        String tokenBefore = Files.readString(DATA.resolve("admin.token"));

        ok("dpkg", "--remove", "lodestar-node");
        assertFalse(Files.exists(Path.of("/opt/lodestar-node")));
        assertTrue(Files.exists(CONF), "remove keeps the configuration");
        ok("dpkg", "--purge", "lodestar-node");
        assertFalse(Files.exists(CONF), "purge removes the configuration");
        assertEquals(tokenBefore, Files.readString(DATA.resolve("admin.token")), "purge keeps the data unless asked");

        ok("dpkg", "-i", deb.toString());   // again over the kept data and user
        assertEquals(tokenBefore, Files.readString(DATA.resolve("admin.token")));
        ok(PURGE_DATA, "dpkg", "--purge", "lodestar-node");
        assertFalse(Files.exists(DATA), "LODESTAR_PURGE_DATA=yes removes the data");
        assertEquals(2, run("getent", "passwd", "lodestar").code(), "... and the user");
    }

    @Test
    void theConsolePackageOpensItsWindowFromTheDesktopEntryAndUninstallsLeavingUserData(@TempDir Path home) throws Exception {
        assumeInstallable();
        assumeTrue(Commands.exists("Xvfb"), "Xvfb is not installed (.ci/run installs it)");
        assumeNotInstalled("lodestar");
        Path deb = only("lodestar_*.deb");
        // a desktop has these; a bare server does not, and xdg-desktop-menu needs them
        Files.createDirectories(Path.of("/etc/xdg/menus"));
        Files.createDirectories(Path.of("/usr/share/desktop-directories"));
        ok("dpkg", "-i", deb.toString());
        try {
            installedConsoleOpensAndUninstalls(home);
        } finally {
            run("dpkg", "--purge", "lodestar");
        }
    }

    private void installedConsoleOpensAndUninstalls(Path home) throws Exception {
        Path desktop;
        try (Stream<Path> s = Files.list(Path.of("/usr/share/applications"))) {
            desktop = s.filter(p -> p.getFileName().toString().startsWith("lodestar-")).findFirst().orElseThrow();
        }
        List<String> entry = Files.readAllLines(desktop);
        assertTrue(entry.contains("MimeType=application/x-lodestar-strategy+json"), entry.toString());
        assertTrue(unitValue(entry, "Exec").endsWith(" %f"), "a double-clicked strategy file is handed to the console");
        assertTrue(Files.exists(Path.of(unitValue(entry, "Icon"))), "the menu icon is installed");

        Path data = home.resolve("console-data");
        Path shot = Path.of("target", "installed-console.png").toAbsolutePath();
        List<String> exec = new ArrayList<>(Commands.words(unitValue(entry, "Exec")));
        exec.removeIf(w -> w.startsWith("%"));
        try (Xvfb x = Xvfb.start()) {
            ProcessBuilder grabber = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", Path.of("target", "test-classes").toString(), ScreenGrab.class.getName(), shot.toString(), "60")
                    .redirectErrorStream(true);
            grabber.environment().put("DISPLAY", x.display());
            Process grab = grabber.start();
            Process console = null;
            try {
                BufferedReader g = new BufferedReader(new InputStreamReader(grab.getInputStream(), StandardCharsets.UTF_8));
                assertEquals("ready", readUntil(g, "ready"));
                ProcessBuilder pb = new ProcessBuilder(exec).redirectErrorStream(true)
                        .redirectOutput(Path.of("target", "installed-console.log").toFile());
                pb.environment().put("DISPLAY", x.display());
                pb.environment().put("LODESTAR_CONSOLE_DATA", data.toString());
                console = pb.start();
                OutputStream go = grab.getOutputStream();
                go.write('\n');
                go.flush();
                String first = readUntil(g, "first-window-ms");
                String done = readUntil(g, "screenshot-ms");
                assertTrue(console.isAlive(), "the console is still running");
                figure("console first window " + first.split(" ")[1] + " ms after launch (installed .deb, cold; "
                        + done + ")");
            } finally {
                if (console != null) {
                    console.destroy();
                    console.waitFor(20, TimeUnit.SECONDS);
                }
                grab.destroy();
            }
        }
        assertTrue(ImageIO.read(shot.toFile()).getWidth() > 0);
        assertTrue(Files.exists(data.resolve("console.token")), "the embedded node started with the console");

        ok("dpkg", "--purge", "lodestar");
        assertFalse(Files.exists(Path.of("/opt/lodestar")));
        assertFalse(Files.exists(desktop));
        assertTrue(Files.exists(data.resolve("console.token")), "uninstalling leaves the user's data");
    }

    /** An Xvfb server on a display number nobody holds, black root, stopped on close. */
    record Xvfb(Process process, String display) implements AutoCloseable {
        static Xvfb start() throws IOException, InterruptedException {
            for (int n = 70; n < 100; n++) {
                if (Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                    continue;
                }
                Process p = new ProcessBuilder("Xvfb", ":" + n, "-screen", "0", "1600x1000x24", "-nolisten", "tcp", "-br")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                Path socket = Path.of("/tmp/.X11-unix/X" + n);
                for (int i = 0; i < 100 && p.isAlive() && !Files.exists(socket); i++) {
                    Thread.sleep(50);
                }
                if (p.isAlive() && Files.exists(socket)) {
                    return new Xvfb(p, ":" + n);
                }
                p.destroy();
            }
            throw new IOException("no free X display in :70–:99");
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void assumeInstallable() throws IOException, InterruptedException {
        assumeTrue("root".equals(System.getProperty("user.name")), "installing packages needs root");
        assumeTrue(Commands.exists("dpkg"), "not a Debian system");
    }

    /** Never replace (and purge) a package someone installed for real; the test removes its own. */
    private static void assumeNotInstalled(String pkg) throws IOException, InterruptedException {
        assumeTrue(!run("dpkg-query", "-W", "-f=${Status}", pkg).output().contains("install ok installed"),
                pkg + " is installed on this machine; the test would replace it: dpkg --purge " + pkg + " first");
    }

    private static Path only(String glob) throws IOException {
        try (var s = Files.newDirectoryStream(PACKAGES, glob)) {
            return s.iterator().next().toAbsolutePath();
        }
    }

    private static String unitValue(List<String> lines, String key) {
        return lines.stream().filter(l -> l.startsWith(key + "=")).findFirst().orElseThrow(() -> new AssertionError("no " + key))
                .substring(key.length() + 1);
    }

    private static String readUntil(BufferedReader in, String prefix) throws IOException {
        List<String> seen = new ArrayList<>();
        for (String line; (line = in.readLine()) != null; ) {
            if (line.startsWith(prefix)) {
                return line;
            }
            seen.add(line);
        }
        throw new AssertionError("no '" + prefix + "' line; saw " + seen);
    }

    private static Message soa(int port) throws IOException {
        SimpleResolver r = new SimpleResolver(InetAddress.getLoopbackAddress());
        r.setPort(port);
        r.setTimeout(Duration.ofSeconds(5));
        return r.send(Message.newQuery(Record.newRecord(Name.fromString("gtm.lodestar.test."), Type.SOA, DClass.IN)));
    }

    private static boolean loopbackPortFree(int port) {
        try (DatagramSocket u = new DatagramSocket(new InetSocketAddress("127.0.0.1", port));
             ServerSocket t = new ServerSocket()) {
            t.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1024.0 / 1024.0);
    }

    private static synchronized void figure(String line) throws IOException {
        Files.writeString(FIGURES, line + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }
}
