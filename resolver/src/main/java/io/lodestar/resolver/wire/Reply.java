package io.lodestar.resolver.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * The response under construction, in the pipeline's terms: rcode, AA and the records of each
 * section. One per query, filled by the stages, turned into bytes once by {@link ResponseWriter}.
 */
public final class Reply {

    private int rcode = DnsCodes.NOERROR;
    private boolean authoritative;
    private boolean truncated;
    private int ecsScope;
    private boolean referral;
    private boolean transfer;
    private final List<RrSet> answer = new ArrayList<>(2);
    private List<RrSet> authority = List.of();
    private List<RrSet> additional = List.of();

    public int rcode() {
        return rcode;
    }

    public Reply rcode(int value) {
        this.rcode = value;
        return this;
    }

    public boolean authoritative() {
        return authoritative;
    }

    public Reply authoritative(boolean value) {
        this.authoritative = value;
        return this;
    }

    /** Set by the writer when the message did not fit and went out with TC. */
    public boolean truncated() {
        return truncated;
    }

    void truncated(boolean value) {
        this.truncated = value;
    }

    /** SCOPE PREFIX-LENGTH for the echoed Client Subnet option (RFC 7871 §7.2.1). */
    public int ecsScope() {
        return ecsScope;
    }

    public Reply ecsScope(int value) {
        this.ecsScope = value;
        return this;
    }

    /** True for a referral: its glue is required, so it is never dropped to fit (RFC 9471). */
    public boolean referral() {
        return referral;
    }

    public Reply referral(boolean value) {
        this.referral = value;
        return this;
    }

    /** True for a zone transfer: its answer may span several messages (RFC 5936 §2.2). */
    public boolean transfer() {
        return transfer;
    }

    public Reply transfer(boolean value) {
        this.transfer = value;
        return this;
    }

    public Reply answer(RrSet set) {
        answer.add(set);
        return this;
    }

    public Reply authority(RrSet set) {
        if (authority.isEmpty()) {
            authority = new ArrayList<>(1);
        }
        authority.add(set);
        return this;
    }

    public Reply additional(List<RrSet> sets) {
        if (!sets.isEmpty()) {
            if (additional.isEmpty()) {
                additional = new ArrayList<>(sets.size());
            }
            additional.addAll(sets);
        }
        return this;
    }

    public List<RrSet> answers() {
        return answer;
    }

    /** True when an RRset of this owner is already in the answer (a CNAME loop). */
    public boolean answers(String owner) {
        for (RrSet s : answer) {
            if (s.owner().equals(owner)) {
                return true;
            }
        }
        return false;
    }

    List<RrSet> authorities() {
        return authority;
    }

    List<RrSet> additionals() {
        return additional;
    }
}
