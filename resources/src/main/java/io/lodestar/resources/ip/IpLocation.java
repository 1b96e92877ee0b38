package io.lodestar.resources.ip;

import java.util.Objects;

/**
 * Where a client is, in the catalogue's terms (CONTRACT §2): the readable form of a packed
 * {@link IpLocator#locateV4(int)} result, for logs, the console and tests. The query path uses the
 * packed int instead, since this record is allocated per call.
 *
 * @param area      area code, e.g. {@code beijing.CN}, {@code none.CN}, {@code hongkong.CN},
 *                  {@code us.abroad}, {@code none.abroad}
 * @param isp       ISP code: {@code ct}, {@code cu}, {@code cm}, {@code cernet}, {@code cbn} or {@code other}
 * @param country   ISO 3166-1 alpha-2, lower case ({@code cn} for mainland China and for
 *                  {@code none.CN}, so also for private addresses; {@code hk}, {@code mo}, {@code tw}),
 *                  or {@code ""} when unknown
 * @param continent continent code such as {@code asia} or {@code europe}, or {@code ""} when unknown
 */
public record IpLocation(String area, String isp, String country, String continent) {

    public IpLocation {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(isp, "isp");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(continent, "continent");
    }
}
