#!/usr/bin/env python3
"""Query files of the DNS benchmark (bench/dns.sh), written to the directory given as argument:

  static.txt  dnsperf text format: static.gtm.lodestar.test A (no EDNS)
  wrr.txt     dnsperf text format: wrr.gtm.lodestar.test A (no EDNS)
  geo.bin     dnsperf -B format (RFC 1035 4.2.2 TCP framing: 2-byte length, then the message):
              geo.gtm.lodestar.test A with EDNS(0) and a Client Subnet option (RFC 7871, code 8,
              family 1, source prefix 24, scope 0, 3 address bytes), one query per /24 of
              ecs-subnets.txt, in a fixed shuffled order. dnsperf 2.10's -E sets one option value for
              every query, so per-query ECS needs the binary format; dnsperf overwrites only the ID.
  geo.expect  subnet and the user group the list records for it (for the correctness check)
"""
import os
import random
import struct
import sys

ZONE = "gtm.lodestar.test."
HERE = os.path.dirname(os.path.abspath(__file__))


def qname(name):
    out = b""
    for label in name.rstrip(".").split("."):
        out += bytes([len(label)]) + label.encode("ascii")
    return out + b"\x00"


def geo_query(subnet):
    addr, prefix = subnet.split("/")
    prefix = int(prefix)
    nbytes = (prefix + 7) // 8
    addr_bytes = bytes(int(x) for x in addr.split("."))[:nbytes]
    ecs = struct.pack("!HBB", 1, prefix, 0) + addr_bytes
    opt_rdata = struct.pack("!HH", 8, len(ecs)) + ecs
    # header: id 0 (dnsperf replaces it), flags 0 (a plain authoritative query, RD off),
    # 1 question, 0 answers, 0 authority, 1 additional (the OPT record)
    header = struct.pack("!HHHHHH", 0, 0, 1, 0, 0, 1)
    question = qname("geo." + ZONE) + struct.pack("!HH", 1, 1)
    # OPT: root name, type 41, class = UDP payload size 1232, TTL 0 (ext rcode, version, DO off)
    opt = b"\x00" + struct.pack("!HHIH", 41, 1232, 0, len(opt_rdata)) + opt_rdata
    msg = header + question + opt
    return struct.pack("!H", len(msg)) + msg


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    os.makedirs(out, exist_ok=True)
    subnets = []
    with open(os.path.join(HERE, "ecs-subnets.txt")) as f:
        for line in f:
            line = line.split("#")[0].strip()
            if line:
                subnet, group = line.split()[:2]
                subnets.append((subnet, group))
    with open(os.path.join(out, "static.txt"), "w") as f:
        f.write("static." + ZONE + " A\n")
    with open(os.path.join(out, "wrr.txt"), "w") as f:
        f.write("wrr." + ZONE + " A\n")
    order = list(subnets)
    random.Random(20261123).shuffle(order)
    with open(os.path.join(out, "geo.bin"), "wb") as f:
        for subnet, _ in order:
            f.write(geo_query(subnet))
    with open(os.path.join(out, "geo.expect"), "w") as f:
        for subnet, group in subnets:
            f.write(f"{subnet} {group}\n")
    print(f"{len(subnets)} ECS subnets, {len(set(g.split('/')[0] for _, g in subnets))} areas", file=sys.stderr)


if __name__ == "__main__":
    main()
