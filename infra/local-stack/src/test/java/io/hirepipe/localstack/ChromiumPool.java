package io.hirepipe.localstack;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The chromium processes of one test class. A test's browser starts as a fresh one would (see
 * {@link Chromium#forget}), but is a process an earlier test of the class started and gave back when it closed its
 * browser: starting a chromium per test cost about two seconds each, a large part of the browser tests' wall time.
 * Tests that hold two browsers at once get two processes. {@link #close} (in {@code @AfterAll}) ends them all.
 */
final class ChromiumPool implements AutoCloseable {

    private final Deque<Chromium> idle = new ArrayDeque<>();
    private final List<Chromium> started = new ArrayList<>();

    /** A browser that forgets everything and goes back to this pool when closed. */
    CandidateBrowser open(PageReport report) {
        Chromium chromium = takeIdle();
        if (chromium == null) {
            chromium = Chromium.start();
            synchronized (this) {
                started.add(chromium);
            }
        }
        Chromium taken = chromium;
        return new CandidateBrowser(taken, report, () -> giveBack(taken));
    }

    private synchronized Chromium takeIdle() {
        return idle.poll();
    }

    private void giveBack(Chromium chromium) {
        try {
            chromium.forget();
        } catch (RuntimeException e) {
            // One that cannot be made fresh is not used again.
            quit(chromium);
            throw e;
        }
        synchronized (this) {
            idle.push(chromium);
        }
    }

    private void quit(Chromium chromium) {
        synchronized (this) {
            started.remove(chromium);
        }
        chromium.quit();
    }

    @Override
    public void close() {
        List<Chromium> all;
        synchronized (this) {
            all = List.copyOf(started);
            started.clear();
            idle.clear();
        }
        all.forEach(Chromium::quit);
    }
}
