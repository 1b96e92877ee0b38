package io.lodestar.engine.strategy;

import io.lodestar.engine.model.IpText;
import java.util.Arrays;
import java.util.Objects;

/**
 * One term of a {@link UserSet} (CONTRACT §2): an {@code AREA/ISP} pair where either side may be
 * {@code *}, or a CIDR prefix matched against the client address.
 */
public sealed interface UserTerm permits UserTerm.AreaIsp, UserTerm.Cidr {

    String ANY = "*";

    String text();

    <R> R accept(Visitor<R> visitor);

    /** Operations over the two kinds of term. */
    interface Visitor<R> {
        R areaIsp(AreaIsp term);

        R cidr(Cidr term);
    }

    /** {@code beijing.CN/ct}, {@code * /ct}, {@code beijing.CN/*}, {@code * /*}. */
    record AreaIsp(String area, String isp) implements UserTerm {
        public AreaIsp {
            Objects.requireNonNull(area, "area");
            Objects.requireNonNull(isp, "isp");
        }

        @Override
        public String text() {
            return area + "/" + isp;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.areaIsp(this);
        }
    }

    /** A network prefix, IPv4 (4-byte network) or IPv6 (16-byte network), host bits zero. */
    record Cidr(byte[] network, int prefix) implements UserTerm {
        public Cidr {
            network = network.clone();
            if (network.length != 4 && network.length != 16) {
                throw new IllegalArgumentException("network must be 4 or 16 bytes");
            }
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("prefix out of range: " + prefix);
            }
            for (int bit = prefix; bit < network.length * 8; bit++) {
                if ((network[bit >> 3] & (0x80 >> (bit & 7))) != 0) {
                    throw new IllegalArgumentException("host bits set in " + IpText.address(network));
                }
            }
        }

        @Override
        public byte[] network() {
            return network.clone();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.cidr(this);
        }

        public boolean v6() {
            return network.length == 16;
        }

        /** True if {@code other} lies inside this prefix (same family, at least as long, same leading bits). */
        public boolean contains(Cidr other) {
            if (other.network.length != network.length || other.prefix < prefix) {
                return false;
            }
            return matchesBits(other.network);
        }

        /** True if the address (same family) starts with this prefix. */
        public boolean matches(byte[] address) {
            return address.length == network.length && matchesBits(address);
        }

        private boolean matchesBits(byte[] address) {
            int full = prefix >> 3;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix & 7;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }

        @Override
        public String text() {
            String a = network.length == 4
                    ? IpText.address(network).getHostAddress()
                    : IpText.ipv6(network);
            return a + "/" + prefix;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Cidr && ((Cidr) o).prefix == prefix && Arrays.equals(((Cidr) o).network, network);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(network) + prefix;
        }

        @Override
        public String toString() {
            return "Cidr[" + text() + "]";
        }
    }
}
