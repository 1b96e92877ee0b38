package io.lodestar.app;

import io.lodestar.engine.model.Family;
import io.lodestar.engine.plan.AnswerPlan;
import io.lodestar.engine.plan.HealthView;
import io.lodestar.engine.plan.StrategyCompiler;
import io.lodestar.engine.plan.UserGroups;
import io.lodestar.engine.schedule.ScheduleResult;
import io.lodestar.engine.seedjson.SeedJson;
import io.lodestar.engine.strategy.StrategyTree;
import io.lodestar.engine.validate.ValidationError;
import io.lodestar.engine.validate.ValidationException;
import io.lodestar.resources.ip.IpLocation;
import io.lodestar.resources.ip.IpLocator;
import io.lodestar.resources.region.Regions;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code ./lodestar} entry point. A plain class, not a JavaFX {@code Application}, so the
 * console ({@link io.lodestar.app.shell.ConsoleApp}) launches from the class path without module flags.
 */
public final class Main {

    static final String USAGE = String.join("\n",
            "Lodestar — self-hosted intelligent traffic manager (DNS GSLB)",
            "",
            "usage:",
            "  ./lodestar                         open the console (an embedded local node starts with it;",
            "                                     data in ~/.lodestar/console-node or $LODESTAR_CONSOLE_DATA)",
            "  ./lodestar node [options]          headless node: authoritative DNS + management API",
            "                                     (./lodestar node --help lists the options)",
            "  ./lodestar locate IP...            where the bundled IP database places an address (area, isp)",
            "  ./lodestar check FILE [--down A,B] validate a strategy in the seed's JSON and print its schedule",
            "                                     result per province for China Telecom users",
            "  ./lodestar help                    this text",
            "",
            "tests: mvn -B verify");

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Strategy files, as the installers associate them with the console (docs/adr/0007). */
    static final String STRATEGY_FILE_SUFFIX = ".lodestar";

    /** No command, or a strategy file the desktop hands over on double-click: the console. */
    static boolean opensConsole(String[] args) {
        return args.length == 0 || args[0].endsWith(STRATEGY_FILE_SUFFIX);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (opensConsole(args)) {
            io.lodestar.app.shell.ConsoleApp.launchConsole(args);
            return 0;
        }
        String cmd = args[0];
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (cmd) {
            case "help":
            case "--help":
            case "-h":
                out.println(USAGE);
                out.println();
                out.println(io.lodestar.resolver.NodeOptions.USAGE);
                return 0;
            case "locate":
                return locate(rest, out, err);
            case "check":
                return check(rest, out, err);
            case "console":
                io.lodestar.app.shell.ConsoleApp.launchConsole(rest);
                return 0;
            case "node":
                return io.lodestar.resolver.NodeMain.run(rest, out, err);
            default:
                err.println("lodestar: unknown command '" + cmd + "' (see ./lodestar help)");
                return 2;
        }
    }

    private static int locate(String[] ips, PrintStream out, PrintStream err) {
        if (ips.length == 0) {
            err.println("lodestar locate: give one or more IP addresses");
            return 2;
        }
        Regions regions = Regions.load();
        IpLocator locator = IpLocator.load(regions);
        int rc = 0;
        for (String ip : ips) {
            try {
                if (!ip.matches("[0-9a-fA-F:.]+")) {
                    throw new UnknownHostException(ip);
                }
                IpLocation l = locator.locate(InetAddress.getByName(ip));
                out.printf(Locale.ROOT, "%-16s %s/%s  (%s, %s)%n", ip, l.area(), l.isp(),
                        regions.area(l.area()).map(a -> a.nameZh() + " " + a.nameEn()).orElse("?"),
                        regions.isp(l.isp()).map(i -> i.nameEn()).orElse("?"));
            } catch (UnknownHostException e) {
                err.println("lodestar locate: '" + ip + "' is not an IP address");
                rc = 2;
            }
        }
        return rc;
    }

    private static int check(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("lodestar check: give a strategy JSON file");
            return 2;
        }
        Set<String> down = new TreeSet<>();
        if (args.length >= 3 && args[1].equals("--down")) {
            down.addAll(Arrays.asList(args[2].split(",")));
        }
        Regions regions = Regions.load();
        try {
            SeedJson.Document doc = new SeedJson(regions).read(Files.readString(Path.of(args[0])), "check.example");
            StrategyTree tree = StrategyTree.resolve(doc.strategy(), doc.endpointsConf(), regions);
            UserGroups groups = new UserGroups(regions);
            HealthView health = e -> !down.contains(e.key());
            AnswerPlan plan = new StrategyCompiler(groups).compile(
                    new io.lodestar.engine.model.Domain("check.example", true,
                            io.lodestar.engine.model.DomainStatus.START, 60), tree, doc.endpointsConf(), health);
            ScheduleResult result = ScheduleResult.of(plan);
            out.println("valid: " + doc.strategy().rules().size() + " rules, " + doc.endpointsConf().size()
                    + " endpoints, " + plan.distributionCount() + " distinct distributions");
            for (ScheduleResult.GroupShare g : result.groups()) {
                if (g.family() == Family.V4 && g.cidr().isEmpty() && g.isp().equals("ct")) {
                    StringBuilder sb = new StringBuilder();
                    g.shares().forEach(s -> sb.append(String.format(Locale.ROOT, " %s=%.1f%%", s.endpoint(), s.share() * 100)));
                    out.printf(Locale.ROOT, "%-18s%s%s%n", g.area() + "/" + g.isp(), sb, g.failOpen() ? " (fail open)" : "");
                }
            }
            return 0;
        } catch (IOException e) {
            err.println("lodestar check: cannot read " + args[0] + ": " + e.getMessage());
            return 2;
        } catch (ValidationException e) {
            for (ValidationError v : e.errors()) {
                err.println("invalid: " + v.message() + " [" + v.rule() + "]");
            }
            return 1;
        }
    }
}
