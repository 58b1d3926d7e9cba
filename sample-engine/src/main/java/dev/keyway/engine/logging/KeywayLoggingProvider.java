package dev.keyway.engine.logging;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPLogger;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The engine's own SLF4J binding. Owning it means every line from the engine, PF4J and every
 * plugin passes the secret masker, which no stock binding would do.
 */
public final class KeywayLoggingProvider implements SLF4JServiceProvider {

    private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();
    private final ILoggerFactory loggerFactory = name -> loggers.computeIfAbsent(name, KeywayLoggingProvider::create);
    private final IMarkerFactory markerFactory = new BasicMarkerFactory();
    private final MDCAdapter mdcAdapter = new NOPMDCAdapter();

    /**
     * HTTP clients' wire and header loggers print raw traffic, credentials included, at any
     * moment (a plugin may call out outside any execution, where no masker knows the secret).
     * They are always off, whatever the level.
     */
    static Logger create(String name) {
        if (name.endsWith(".wire") || name.endsWith(".headers") || name.contains(".wire.")) {
            return NOPLogger.NOP_LOGGER;
        }
        return new KeywayLogger(name);
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggerFactory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markerFactory;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdcAdapter;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        // Nothing to set up: the sink configures itself from the environment on first use.
    }
}
