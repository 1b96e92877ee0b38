package io.lodestar.app.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

/**
 * The listeners a view model puts on things that outlive it (the session's domain, identity,
 * client), removed together by {@link #dispose()} when the shell drops the screen, so an old view
 * model stops reacting and calling the node after a client switch or a rebuild.
 */
public final class Subscriptions {

    private final List<Runnable> undo = new ArrayList<>();
    private boolean disposed;

    /** Adds {@code l} to {@code v} until {@link #dispose()}. */
    public <T> void listen(ObservableValue<T> v, ChangeListener<? super T> l) {
        v.addListener(l);
        undo.add(() -> v.removeListener(l));
    }

    /** Removes every listener added here; later events reach none of them. */
    public void dispose() {
        undo.forEach(Runnable::run);
        undo.clear();
        disposed = true;
    }

    public boolean disposed() {
        return disposed;
    }
}
