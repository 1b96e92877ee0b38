package io.lodestar.app.ui;

import io.lodestar.engine.api.client.NodeClientException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * The one way view models leave the UI thread (JabRef's {@code BackgroundTask}): work runs on a
 * background executor, and its result or its error comes back through the UI executor, which in the
 * console is the FX thread. {@link Platform#runLater} is called here and nowhere else. Tests use
 * {@link #sameThread()}, which needs no toolkit.
 */
public final class UiTasks implements AutoCloseable {

    private final Executor background;
    private final Executor ui;
    private final ExecutorService owned;
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(0);
    private final AtomicInteger inFlight = new AtomicInteger();

    public UiTasks(Executor background, Executor ui) {
        this(background, ui, null);
    }

    private UiTasks(Executor background, Executor ui, ExecutorService owned) {
        this.background = background;
        this.ui = ui;
        this.owned = owned;
    }

    /** Daemon worker threads; callbacks on the JavaFX application thread. */
    public static UiTasks fx() {
        ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "lodestar-console-io");
            t.setDaemon(true);
            return t;
        });
        return new UiTasks(pool, Platform::runLater, pool);
    }

    /** Everything on the caller's thread: for view-model tests without a toolkit. */
    public static UiTasks sameThread() {
        return new UiTasks(Runnable::run, Runnable::run);
    }

    /** How many tasks are under way (the shell shows progress while it is above zero); UI thread only. */
    public ReadOnlyIntegerProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /**
     * Runs {@code work} off the UI thread; exactly one of {@code done} or {@code failed} runs on the UI
     * thread. After {@link #close()} work is dropped: the console is going away, and a screen's timer
     * that fires once more must not fail on the UI thread.
     */
    public <T> void run(Callable<T> work, Consumer<T> done, Consumer<NodeClientException> failed) {
        if (owned != null && owned.isShutdown()) {
            return;
        }
        ui.execute(() -> running.set(inFlight.incrementAndGet()));
        try {
            submit(work, done, failed);
        } catch (java.util.concurrent.RejectedExecutionException closedMeanwhile) {
            ui.execute(() -> running.set(inFlight.decrementAndGet()));
        }
    }

    private <T> void submit(Callable<T> work, Consumer<T> done, Consumer<NodeClientException> failed) {
        background.execute(() -> {
            T value;
            try {
                value = work.call();
            } catch (NodeClientException e) {
                finish(() -> failed.accept(e));
                return;
            } catch (Exception | Error e) {
                NodeClientException wrapped = new NodeClientException(0, "Internal",
                        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
                finish(() -> failed.accept(wrapped));
                return;
            }
            finish(() -> done.accept(value));
        });
    }

    private void finish(Runnable callback) {
        ui.execute(() -> {
            running.set(inFlight.decrementAndGet());
            callback.run();
        });
    }

    @Override
    public void close() {
        if (owned != null) {
            owned.shutdownNow();
        }
    }
}
