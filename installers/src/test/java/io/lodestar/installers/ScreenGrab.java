package io.lodestar.installers;

import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;

/**
 * Watches the X display named by {@code DISPLAY} (a fresh Xvfb with a black root) for the installed
 * console: run by {@link InstallersIT} in its own JVM, because AWT reads {@code DISPLAY} once. Prints
 * {@code ready}, waits for a line on stdin (sent right after the console is launched), then prints
 * {@code first-window-ms N} when the first non-black pixel appears and, once the main window is up
 * (at least {@code BUSY} of the window's pixels differ from its background: the "starting the local
 * node" screen is a spinner and a line of text) and has stayed the same for {@code STILL_MS}, writes the
 * PNG and prints {@code screenshot-ms N main-window-ms M} (M: when the screen last changed). Gives up after the timeout, printing {@code timeout}.
 *
 * <pre>ScreenGrab OUT.png TIMEOUT_SECONDS</pre>
 */
public final class ScreenGrab {

    static final long STILL_MS = 2500;
    static final int GRID = 4;
    static final double BUSY = 0.04;

    private ScreenGrab() {
    }

    public static void main(String[] args) throws Exception {
        File out = new File(args[0]);
        long timeoutMs = Long.parseLong(args[1]) * 1000;
        Robot robot = new Robot();
        Rectangle screen = new Rectangle(Toolkit.getDefaultToolkit().getScreenSize());
        robot.createScreenCapture(screen);
        System.out.println("ready");
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        long t0 = System.nanoTime();
        long first = -1;
        long stillSince = -1;
        int[] last = null;
        BufferedImage img = null;
        while (ms(t0) < timeoutMs) {
            img = robot.createScreenCapture(screen);
            int[] sample = sample(img);
            if (first < 0 && Arrays.stream(sample).anyMatch(p -> (p & 0xFFFFFF) != 0)) {
                first = ms(t0);
                System.out.println("first-window-ms " + first);
            }
            if (first >= 0) {
                if (Arrays.equals(sample, last) && busy(sample) >= BUSY) {
                    if (ms(t0) - stillSince >= STILL_MS) {
                        ImageIO.write(img, "png", out);
                        System.out.println("screenshot-ms " + ms(t0) + " main-window-ms " + stillSince);
                        return;
                    }
                } else {
                    stillSince = ms(t0);
                }
            }
            last = sample;
            Thread.sleep(50);
        }
        if (img != null) {
            ImageIO.write(img, "png", out);
        }
        System.out.println("timeout");
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** The share of the window's sampled pixels (not the black root) other than its most common colour. */
    static double busy(int[] sample) {
        java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
        int window = 0;
        for (int p : sample) {
            if ((p & 0xFFFFFF) != 0) {
                counts.merge(p, 1, Integer::sum);
                window++;
            }
        }
        int background = counts.values().stream().max(Integer::compare).orElse(0);
        return window == 0 ? 0 : (window - background) / (double) window;
    }

    /** Every GRID-th pixel of every GRID-th row: enough to see a window and a spinner move. */
    private static int[] sample(BufferedImage img) {
        int w = img.getWidth() / GRID;
        int h = img.getHeight() / GRID;
        int[] s = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                s[y * w + x] = img.getRGB(x * GRID, y * GRID);
            }
        }
        return s;
    }
}
