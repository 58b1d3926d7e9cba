package dev.keyway.connections.store;

import java.util.function.Supplier;

/** Reopens a store after a crash, printing how long it took and failing only past a generous bound. */
public final class CrashRestart {

    /** Far above the ~2 s target: a shared, loaded build machine must not make this flaky. */
    private static final long BOUND_MILLIS = 10_000;

    private CrashRestart() {
    }

    public static <T> T open(Supplier<T> opener, String what) {
        long start = System.nanoTime();
        T opened = opener.get();
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("restart (open of the %s): %d ms%n", what, millis);
        if (millis > BOUND_MILLIS) {
            throw new AssertionError("opening the " + what + " took " + millis + " ms, over " + BOUND_MILLIS
                    + " ms; look for a stale lock wait or a slow log replay");
        }
        return opened;
    }
}
