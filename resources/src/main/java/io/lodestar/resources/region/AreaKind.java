package io.lodestar.resources.region;

/** What an area code stands for. Clients are located to leaf kinds only. */
public enum AreaKind {
    /** A mainland province-level region, e.g. {@code beijing.CN}. */
    PROVINCE(true),
    /** {@code none.CN}: mainland, province unknown (seed: 其他). */
    MAINLAND_OTHER(true),
    /** {@code hongkong.CN}, {@code macau.CN}, {@code taiwan.CN}: outside mainland, in the abroad tree. */
    SPECIAL_REGION(true),
    /** A country, ISO 3166 alpha-2, e.g. {@code us.abroad}. */
    COUNTRY(true),
    /** A continent, e.g. {@code europe.abroad}: groups countries. */
    CONTINENT(false),
    /** {@code none.abroad}: everything outside mainland (seed: 海外); a client of unknown country lands here. */
    ABROAD(true),
    /** {@code mainland.CN}: every mainland province and {@code none.CN} (EdgeOne's 中国大陆). */
    MAINLAND(false);

    private final boolean leaf;

    AreaKind(boolean leaf) {
        this.leaf = leaf;
    }

    /** True if a client can be located to an area of this kind. */
    public boolean leaf() {
        return leaf;
    }
}
