package dev.keyway.engine.plugins;

import java.util.function.Supplier;

/**
 * Runs plugin code with the plugin's class loader as the thread context class loader, so
 * libraries inside the plugin that use {@code ServiceLoader} (JDBC drivers, Jackson modules)
 * find their own classes and not the host's.
 */
public final class ContextClassLoader {

    private ContextClassLoader() {
    }

    public static <T> T call(ClassLoader loader, Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        if (previous == loader) {
            return action.get();
        }
        thread.setContextClassLoader(loader);
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    public static void run(ClassLoader loader, Runnable action) {
        call(loader, () -> {
            action.run();
            return null;
        });
    }
}
