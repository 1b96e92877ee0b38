package io.lodestar.engine.config;

import io.lodestar.engine.model.Domain;
import io.lodestar.engine.model.Family;
import io.lodestar.engine.model.IpText;
import io.lodestar.engine.node.DomainEntry;
import io.lodestar.engine.plan.AnswerPlan;
import io.lodestar.engine.plan.Distribution;
import io.lodestar.engine.plan.UserGroups;
import io.lodestar.engine.node.Snapshot;
import io.lodestar.engine.validate.Errors;
import io.lodestar.engine.validate.ValidationException;
import io.lodestar.resources.ip.IpLocation;
import io.lodestar.resources.ip.IpLocator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /v1/domains/{domain}/simulate}: what a user group (or a client address) is answered,
 * read off the very plan DNS answers from (one code path with the resolver and the schedule result).
 */
public final class SimulationService {

    /** A client by address, or a user group by area and ISP; family A (default) or AAAA. */
    public record Input(String ip, String area, String isp, String family) {
    }

    private final Context ctx;
    private final IpLocator locator;

    public SimulationService(Context ctx, IpLocator locator) {
        this.ctx = ctx;
        this.locator = locator;
    }

    public Map<String, Object> simulate(String domain, Input in) throws ValidationException, NotFound {
        Domain d = Changes.read(ctx, tx -> DomainService.require(tx, domain));
        Errors errors = new Errors();
        Family family = Family.V4;
        if (in.family() != null && !in.family().equalsIgnoreCase("A")) {
            if (in.family().equalsIgnoreCase("AAAA")) {
                family = Family.V6;
            } else {
                errors.add("family", "family.unknown", "family must be A or AAAA, was '" + in.family() + "'");
            }
        }
        String area = in.area();
        String isp = in.isp() == null ? "other" : in.isp();
        byte[] client = null;
        if (in.ip() != null && !in.ip().isBlank()) {
            Optional<byte[]> b = IpText.parse(in.ip().trim());
            if (b.isEmpty()) {
                errors.add("ip", "ip.invalid", "'" + in.ip() + "' is not an IP address");
            } else {
                client = b.get();
                IpLocation l = locator.locate(IpText.address(client));
                area = l.area();
                isp = l.isp();
            }
        } else if (area == null) {
            errors.add("area", "area.missing", "give a client ip, or an area (and isp)");
        }
        if (area != null && ctx.regions().area(area).filter(a -> a.kind().leaf()).isEmpty()) {
            errors.add("area", "area.unknown", "unknown area '" + area + "' (a province, none.CN, a country, none.abroad …)");
        }
        if (ctx.regions().isp(isp).isEmpty()) {
            errors.add("isp", "isp.unknown", "unknown isp '" + isp + "'");
        }
        errors.throwIfAny();
        DomainEntry entry = ctx.publisher().current().lookup(Snapshot.normalise(d.accessName(ctx.zone())));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("domain", domain);
        out.put("area", area);
        out.put("isp", isp);
        out.put("family", family == Family.V4 ? "A" : "AAAA");
        out.put("status", d.status().wire());
        List<Object> answers = new ArrayList<>();
        boolean failOpen = false;
        if (entry != null) {
            AnswerPlan plan = entry.plan();
            UserGroups groups = plan.groups();
            int group = groups.index(ctx.regions().requireArea(area).index(), ctx.regions().requireIsp(isp).index());
            Distribution dist = plan.distribution(family, group, client);
            failOpen = dist.failOpen();
            for (int i = 0; i < dist.endpoints().length; i++) {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("endpoint", plan.endpoint(dist.endpoints()[i]).key());
                a.put("share", dist.shares()[i]);
                answers.add(a);
            }
        }
        out.put("answers", answers);
        out.put("failOpen", failOpen);
        return out;
    }
}
