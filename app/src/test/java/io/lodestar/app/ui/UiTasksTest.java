package io.lodestar.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class UiTasksTest {

    @Test
    void workRunsInTheBackgroundAndItsResultComesBack() throws Exception {
        try (UiTasks tasks = UiTasks.owning(Executors.newSingleThreadExecutor(), Runnable::run)) {
            CountDownLatch done = new CountDownLatch(1);
            List<String> seen = new CopyOnWriteArrayList<>();
            tasks.run(() -> Thread.currentThread().getName(), name -> {
                seen.add(name);
                done.countDown();
            }, e -> done.countDown());
            assertTrue(done.await(5, TimeUnit.SECONDS));
            assertTrue(!seen.isEmpty() && !seen.get(0).equals(Thread.currentThread().getName()), seen.toString());
        }
    }

    @Test
    void aTimerFiringAfterTheWindowClosedIsIgnoredNotAnError() {
        UiTasks tasks = UiTasks.owning(Executors.newSingleThreadExecutor(), Runnable::run);
        tasks.close();
        List<String> seen = new CopyOnWriteArrayList<>();
        tasks.run(() -> "late", seen::add, e -> seen.add("failed: " + e.getMessage())); // must not throw
        assertEquals(List.of(), seen);
        assertEquals(0, tasks.runningProperty().get());
    }

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
