package io.lodestar.resolver.wire;

/**
 * The EDNS Client Subnet option of a query (RFC 7871 §6), already validated by the parser: family
 * 1 or 2, source prefix within the family's length, no address bits set beyond it (§7.1.1 asks
 * FORMERR otherwise, which the decoder reports).
 *
 * @param family       1 = IPv4, 2 = IPv6 (address family numbers)
 * @param sourcePrefix SOURCE PREFIX-LENGTH as sent
 * @param address      the address padded to its full length: 4 bytes for family 1, 16 for family 2
 *                     (an IPv4-mapped IPv6 address stays 16 bytes; locating treats it as IPv4)
 */
public record ClientSubnet(int family, int sourcePrefix, byte[] address) {
}
