package com.arasul.e2e.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;

/** Reads a process's memory and CPU time from /proc, as {@code top} and {@code ps} do. */
final class ProcessProbe {

    private final long pid;
    private final long ticksPerSecond;

    ProcessProbe(long pid) {
        this.pid = pid;
        this.ticksPerSecond = clockTicks();
    }

    /** A field of /proc/PID/status in KiB ({@code VmRSS}, {@code RssAnon}, ...), or -1. */
    long statusKib(String field) {
        return statusKib(pid, field);
    }

    static long statusKib(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process is gone or the field unknown on this kernel
        }
        return -1;
    }

    /** Proportional set size of a process in KiB (shared pages split among their users), or -1. */
    static long pssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.substring(4).replace("kB", "").trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not readable
        }
        return -1;
    }

    /** User plus system CPU time of the process so far, in seconds. */
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // the command name may hold spaces and parentheses: fields are counted after the last ')'
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            long utime = Long.parseLong(fields[11]);
            long stime = Long.parseLong(fields[12]);
            return (utime + stime) / (double) ticksPerSecond;
        } catch (IOException e) {
            throw new IllegalStateException("process " + pid + " is gone", e);
        }
    }

    /**
     * User plus system CPU seconds of each thread so far, summed by name with its numbers left out
     * ({@code http-nio-8080-exec-3} counts as {@code http-nio-#-exec-#}); threads that ended are not in it.
     */
    Map<String, Double> threadCpuSeconds() {
        Map<String, Double> byName = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip().replaceAll("\\d+", "#");
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
                    double seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) ticksPerSecond;
                    byName.merge(name, seconds, Double::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("process " + pid + " is gone", e);
        }
        return byName;
    }

    /** The system's load average over one minute, to read the other figures against. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            if (getconf.waitFor(5, TimeUnit.SECONDS) && getconf.exitValue() == 0) {
                return Long.parseLong(new String(getconf.getInputStream().readAllBytes()).trim());
            }
        } catch (IOException | NumberFormatException e) {
            // fall through to the Linux default
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }
}
