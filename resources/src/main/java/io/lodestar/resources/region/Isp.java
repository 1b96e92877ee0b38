package io.lodestar.resources.region;

/** An ISP code of CONTRACT §2 ({@code ct}, {@code cu}, {@code cm}, {@code cernet}, {@code cbn}, {@code other}). */
public record Isp(int index, String code, String nameZh, String nameEn) {
}
