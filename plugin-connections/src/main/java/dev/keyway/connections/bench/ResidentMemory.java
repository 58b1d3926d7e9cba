package dev.keyway.connections.bench;

import dev.keyway.api.KeywayException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Resident memory as the kernel counts it, from {@code /proc/<pid>/status}: what a process
 * really keeps in RAM (heap, metaspace, code cache, thread stacks, mapped libraries), which a
 * JVM's own heap figures leave out.
 *
 * @param rssMb  resident now ({@code VmRSS})
 * @param peakMb the most it was ever resident ({@code VmHWM})
 */
record ResidentMemory(double rssMb, double peakMb) {

    private static final Path PROC = Path.of("/proc");

    /** Fails at once, before anything is measured, where there is no {@code /proc} to read. */
    static void requireProc() {
        if (!Files.isReadable(PROC.resolve("self").resolve("status"))) {
            throw new KeywayException("the server benchmark reads resident memory from /proc/<pid>/status, which this "
                    + "system does not have (Linux has it); run it on Linux, or leave it out with --only and the "
                    + "other benchmarks' names");
        }
    }

    /**
     * Of a process and its descendants added up, so a launcher that does not {@code exec} its
     * JVM still counts the JVM.
     */
    static ResidentMemory of(ProcessHandle process) {
        List<ProcessHandle> tree = Stream.concat(Stream.of(process), process.descendants()).toList();
        double rss = 0;
        double peak = 0;
        for (ProcessHandle member : tree) {
            List<String> status = status(member);
            rss += megabytes(status, "VmRSS:", member);
            peak += megabytes(status, "VmHWM:", member);
        }
        return new ResidentMemory(rss, peak);
    }

    private static List<String> status(ProcessHandle process) {
        try {
            return Files.readAllLines(PROC.resolve(String.valueOf(process.pid())).resolve("status"),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KeywayException("cannot read /proc/%d/status (%s): the process ended early or /proc is "
                    + "mounted without access to other processes (hidepid); check that it still runs", process.pid(),
                    e.getMessage());
        }
    }

    /** A {@code Name:   1234 kB} line in MiB. */
    private static double megabytes(List<String> status, String field, ProcessHandle process) {
        for (String line : status) {
            if (line.startsWith(field)) {
                String[] parts = line.substring(field.length()).trim().split("\\s+");
                return Long.parseLong(parts[0]) / 1024.0;
            }
        }
        throw new KeywayException("/proc/%d/status has no %s line; this kernel reports memory differently, so the "
                + "memory figures cannot be measured here", process.pid(), field);
    }
}
