package io.lodestar.app.traffic;

import io.lodestar.engine.api.client.Traffic;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The "rule by region" form of the providers section: the users (usersets terms joined by
 * {@code ;}), one weight per provider (blank: not a target) and which rule it edits (-1: a new one).
 */
public final class RuleForm {

    /** A provider's weight in the rule being edited. */
    public record WeightRow(String provider, StringProperty weight) {
    }

    private final StringProperty usersets = new SimpleStringProperty("");
    private final ObservableList<WeightRow> weights = FXCollections.observableArrayList();
    private final Runnable weightTyped;
    private int editing = -1;

    /** {@code weightTyped} runs when any weight changes (the view model clears the weights' message). */
    RuleForm(Runnable weightTyped) {
        this.weightTyped = weightTyped;
    }

    /** One weight per provider, in the providers' order; weights already typed stay with their provider. */
    void providers(List<String> names) {
        if (names.equals(weights.stream().map(WeightRow::provider).toList())) {
            return;
        }
        List<WeightRow> rows = new ArrayList<>();
        for (String n : names) {
            StringProperty w = new SimpleStringProperty(weights.stream().filter(r -> r.provider().equals(n))
                    .map(r -> r.weight().get()).findFirst().orElse(""));
            w.addListener(o -> weightTyped.run());
            rows.add(new WeightRow(n, w));
        }
        weights.setAll(rows);
    }

    void edit(int index, Traffic.RegionRule r) {
        editing = index;
        usersets.set(r.usersets());
        for (WeightRow w : weights) {
            w.weight().set(r.targets().stream().filter(t -> t.provider().equals(w.provider()))
                    .map(t -> String.valueOf(t.weight())).findFirst().orElse(""));
        }
    }

    void clear() {
        editing = -1;
        usersets.set("");
        weights.forEach(w -> w.weight().set(""));
    }

    /** Appends a region term (see {@link RegionTerms}) to the users, once. */
    void addTerm(String term) {
        String now = usersets.get().strip();
        if (!term.isEmpty() && !List.of(now.split(";")).contains(term)) {
            usersets.set(now.isEmpty() ? term : now + ";" + term);
        }
    }

    /** The rule as typed; empty after telling {@code badWeight} the provider whose weight is not a whole number. */
    Optional<Traffic.RegionRule> typed(Consumer<String> badWeight) {
        List<Traffic.Target> targets = new ArrayList<>();
        for (WeightRow w : weights) {
            String v = w.weight().get().strip();
            if (v.isEmpty()) {
                continue;
            }
            if (!v.matches("\\d{1,9}")) {
                badWeight.accept(w.provider());
                return Optional.empty();
            }
            targets.add(new Traffic.Target(w.provider(), Integer.parseInt(v)));
        }
        return Optional.of(new Traffic.RegionRule(usersets.get().strip(), targets));
    }

    /** The rule being edited, -1 for a new one. */
    int editing() {
        return editing;
    }

    void editing(int index) {
        editing = index;
    }

    public StringProperty usersetsProperty() {
        return usersets;
    }

    public ObservableList<WeightRow> weights() {
        return weights;
    }
}
