package io.lodestar.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class UiTasksTest {

    @Test
    void workArrivingAfterTheBackgroundIsShutDownIsDroppedWithoutFailingTheUiThread() {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        UiTasks tasks = new UiTasks(pool, Runnable::run);
        pool.shutdown();
        tasks.run(() -> 1, v -> fail("ran after shutdown"), e -> fail("failed after shutdown: " + e.getMessage()));
        assertEquals(0, tasks.runningProperty().get());
    }

    @Test
    void workRunsAndItsResultComesBackOnTheUiExecutor() {
        UiTasks tasks = UiTasks.sameThread();
        int[] got = new int[1];
        tasks.run(() -> 41 + 1, v -> got[0] = v, e -> fail(e.getMessage()));
        assertEquals(42, got[0]);
        assertEquals(0, tasks.runningProperty().get());
    }
}
