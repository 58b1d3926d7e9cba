package dev.keyway.connections.store;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps the plugin from leaking its class loader through {@link DriverManager}. We never use
 * DriverManager, but loading HSQLDB's driver class registers it there (a static initialiser), and
 * that global reference would pin the plugin's loader after unload. The last store to close
 * deregisters every HSQLDB driver loaded by our own class loader.
 */
final class JdbcDrivers {

    private static final AtomicInteger OPEN_STORES = new AtomicInteger();

    private JdbcDrivers() {
    }

    static void storeOpened() {
        OPEN_STORES.incrementAndGet();
    }

    static void storeClosed() {
        if (OPEN_STORES.decrementAndGet() > 0) {
            return;
        }
        ClassLoader ours = JdbcDrivers.class.getClassLoader();
        for (Driver driver : Collections.list(DriverManager.getDrivers())) {
            if (driver.getClass().getClassLoader() == ours && driver.getClass().getName().startsWith("org.hsqldb.")) {
                try {
                    DriverManager.deregisterDriver(driver);
                } catch (SQLException | SecurityException ignored) {
                    // Nothing more we can do; the host may still unload the plugin.
                }
            }
        }
    }
}
