package io.lodestar.resources.region;

/**
 * A point on the earth in degrees. Geo proximity compares great-circle distances between such
 * points (seed: the distance between user group and endpoint is taken between provincial capitals).
 */
public record GeoPoint(double lat, double lon) {

    private static final double EARTH_RADIUS_KM = 6371.0088;

    public GeoPoint {
        if (!(lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException("latitude out of range: " + lat);
        }
        if (!(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("longitude out of range: " + lon);
        }
    }

    /** Great-circle distance by the haversine formula, in kilometres. */
    public double distanceKm(GeoPoint other) {
        double p1 = Math.toRadians(lat);
        double p2 = Math.toRadians(other.lat);
        double dp = p2 - p1;
        double dl = Math.toRadians(other.lon - lon);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2)
                + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
