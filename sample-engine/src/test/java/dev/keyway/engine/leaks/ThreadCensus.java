package dev.keyway.engine.leaks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The live threads at one moment, so a test can tell which threads appeared since and whether any
 * of them still belongs to an unloaded plugin.
 */
public record ThreadCensus(Set<Long> ids) {

    /** Threads of the JVM and of the test itself that start lazily and are nobody's leak. */
    private static final List<String> JVM_OWNED = List.of("Common-Cleaner", "Attach Listener", "process reaper",
            "Notification Thread", "ForkJoinPool.commonPool-worker-", "HttpClient-", "surefire-forkedjvm-",
            "junit-");

    public static ThreadCensus now() {
        return new ThreadCensus(Thread.getAllStackTraces().keySet().stream().map(Thread::getId)
                .collect(Collectors.toUnmodifiableSet()));
    }

    /** Live threads that were not alive at this census. */
    public List<Thread> newcomers() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> !ids.contains(t.getId())).toList();
    }

    /**
     * Threads started since this census that are still alive, are not the JVM's and are not named
     * in {@code hostOwned}, after waiting up to {@code graceMillis} for threads on their way out.
     */
    public List<Thread> leftBehind(Set<String> hostOwned, long graceMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + graceMillis;
        List<Thread> left = ownNewcomers(hostOwned);
        while (!left.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            left = ownNewcomers(hostOwned);
        }
        return left;
    }

    /** Every live thread whose code or context class loader comes from a class loader that {@code isPlugin} picks. */
    public static List<Thread> tiedTo(java.util.function.Predicate<ClassLoader> isPlugin) {
        List<Thread> tied = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (isPlugin.test(thread.getContextClassLoader()) || isPlugin.test(thread.getClass().getClassLoader())) {
                tied.add(thread);
            }
        }
        return tied;
    }

    public static String describe(List<Thread> threads) {
        return threads.stream().map(t -> "'" + t.getName() + "' (" + t.getClass().getName() + ", context loader "
                + t.getContextClassLoader() + ")").collect(Collectors.joining(", "));
    }

    private List<Thread> ownNewcomers(Set<String> hostOwned) {
        return newcomers().stream().filter(t -> JVM_OWNED.stream().noneMatch(t.getName()::startsWith))
                .filter(t -> !hostOwned.contains(t.getName())).toList();
    }
}
