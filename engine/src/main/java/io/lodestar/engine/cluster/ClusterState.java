package io.lodestar.engine.cluster;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who this node is in its deployment, kept in {@code DIR/cluster.json} (mode 0600: it holds the
 * tokens nodes call each other with). A node is {@code standalone} until it adds a member (it is
 * then the {@code control} node) or a control node adds it ({@code member}).
 *
 * @param id          this node's id, random, made once
 * @param pin         member: its control node; null otherwise (see {@link #control()})
 * @param version     control: the number of the latest snapshot built
 */
record ClusterState(String id, String role, Control pin, List<Member> members, long version) {

    static final String STANDALONE = "standalone";
    static final String CONTROL = "control";
    static final String MEMBER = "member";

    /**
     * A member's pin on its control node.
     *
     * @param token    the secret this member calls the control node with (issued by the control)
     * @param joinedBy the name of this node's own token the control node calls with: the only one
     *                 whose snapshots are accepted
     */
    record Control(String id, String url, String token, String joinedBy) {
    }

    /**
     * A control node's member.
     *
     * @param token     the secret the member issued (role full on the member)
     * @param tokenName the name of the token this control issued to the member
     */
    record Member(String id, String url, String token, String site, String tokenName) {
    }

    ClusterState {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        members = members == null ? List.of() : List.copyOf(members);
    }

    Optional<Control> control() {
        return Optional.ofNullable(pin);
    }

    static ClusterState fresh(String id) {
        return new ClusterState(id, STANDALONE, null, List.of(), 0);
    }

    boolean memberRole() {
        return role.equals(MEMBER);
    }

    boolean controlRole() {
        return role.equals(CONTROL);
    }

    ClusterState withMembers(List<Member> m) {
        return new ClusterState(id, m.isEmpty() ? STANDALONE : CONTROL, null, m, version);
    }

    ClusterState withVersion(long v) {
        return new ClusterState(id, role, pin, members, v);
    }

    ClusterState joined(Control c) {
        return new ClusterState(id, MEMBER, c, List.of(), version);
    }

    ClusterState left() {
        return new ClusterState(id, STANDALONE, null, List.of(), version);
    }
}
