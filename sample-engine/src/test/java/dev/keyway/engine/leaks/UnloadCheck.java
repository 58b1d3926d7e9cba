package dev.keyway.engine.leaks;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Provider;
import java.security.Security;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Tells whether unloaded plugin class loaders were garbage-collected, and when one was not, says
 * where to look: the usual global holders (threads, security providers, JUL handlers) that point
 * into a plugin, and a heap dump to trace the rest.
 */
public final class UnloadCheck {

    private final List<WeakReference<ClassLoader>> loaders = new ArrayList<>();

    /** Remembers a plugin's class loader without keeping it alive. */
    public void watch(ClassLoader loader) {
        loaders.add(new WeakReference<>(loader));
    }

    public int watched() {
        return loaders.size();
    }

    /**
     * Collects garbage until every watched loader is gone or {@code timeoutMillis} has passed;
     * returns how many are still reachable.
     */
    public int survivorsAfterGc(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        int survivors = survivors();
        while (survivors > 0 && System.currentTimeMillis() < deadline) {
            System.gc();
            Thread.sleep(100);
            survivors = survivors();
        }
        return survivors;
    }

    /**
     * A message for a failed check: what still points into a plugin, and a heap dump (written to
     * {@code dumpFile}) whose paths from the GC roots to {@code org.pf4j.PluginClassLoader} name the rest.
     */
    public String hint(Path dumpFile) {
        Predicate<ClassLoader> plugin = UnloadCheck::isPluginLoader;
        List<String> suspects = new ArrayList<>();
        List<Thread> threads = ThreadCensus.tiedTo(plugin);
        if (!threads.isEmpty()) {
            suspects.add("threads running plugin code or with a plugin context class loader: " + ThreadCensus.describe(threads));
        }
        for (Provider provider : Security.getProviders()) {
            if (plugin.test(provider.getClass().getClassLoader())) {
                suspects.add("security provider " + provider.getName() + " registered by a plugin (Security.removeProvider on stop)");
            }
        }
        LogManager logs = LogManager.getLogManager();
        for (String name : Collections.list(logs.getLoggerNames())) {
            Logger logger = logs.getLogger(name);
            for (Handler handler : logger == null ? new Handler[0] : logger.getHandlers()) {
                if (plugin.test(handler.getClass().getClassLoader())
                        || handler.getFormatter() != null && plugin.test(handler.getFormatter().getClass().getClassLoader())) {
                    suspects.add("java.util.logging handler " + handler + " on logger '" + name + "' comes from a plugin");
                }
            }
        }
        String dump = dumpHeap(dumpFile);
        return (suspects.isEmpty() ? "no usual suspect found" : String.join("; ", suspects))
                + ". " + dump + " Open it in Eclipse MAT or VisualVM, find the instances of org.pf4j.PluginClassLoader "
                + "and follow 'path to GC roots, excluding weak references': the first object there that the host or the "
                + "JDK owns is the leak. Typical holders: a thread the plugin started, DriverManager, a ThreadLocal on a "
                + "host thread, a shutdown hook, a cache in a host-side library keyed by a plugin class.";
    }

    public static boolean isPluginLoader(ClassLoader loader) {
        for (Class<?> type = loader == null ? null : loader.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals("org.pf4j.PluginClassLoader")) {
                return true;
            }
        }
        return false;
    }

    private int survivors() {
        return (int) loaders.stream().filter(ref -> ref.get() != null).count();
    }

    private static String dumpHeap(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(file.toString(), true);
            return "Heap dump: " + file.toAbsolutePath() + ".";
        } catch (IOException | RuntimeException e) {
            return "No heap dump (" + e + ").";
        }
    }
}
