package io.lodestar.engine.strategy;

import java.util.Objects;

/**
 * One child of a rule (seed: {@code items[]}).
 *
 * @param reference a rule's name or an endpoint's value
 * @param weight    share in wrr (relative; 0 = never), tie-break share elsewhere
 * @param priority  order in a priority rule: the lowest number is preferred
 * @param usersets  the user groups this item serves in a userGroupMapping; empty = the default group
 */
public record Item(String reference, int weight, int priority, UserSet usersets) {

    public Item {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(usersets, "usersets");
    }

    public static Item of(String reference, int weight, int priority) {
        return new Item(reference, weight, priority, UserSet.EMPTY);
    }
}
