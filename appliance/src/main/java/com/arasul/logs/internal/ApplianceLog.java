package com.arasul.logs.internal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The appliance's own rolling log, read from its end. The file is fixed by configuration; nothing
 * from a request names it. Reads are bounded in bytes, so a huge line cannot exhaust memory.
 */
class ApplianceLog {

    private static final int MAX_BYTES = 8 * 1024 * 1024;

    private final Path file;

    ApplianceLog(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    /** The last {@code lines} lines, oldest first. */
    List<String> tail(int lines) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            int chunk = (int) Math.min(length, Math.min(MAX_BYTES, (long) lines * 400 + 4096));
            byte[] bytes = new byte[chunk];
            raf.seek(length - chunk);
            raf.readFully(bytes);
            List<String> all = new ArrayList<>(Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\n")));
            if (chunk < length && !all.isEmpty()) {
                all.removeFirst(); // the first line is cut
            }
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The size now, to follow what is appended from here on. */
    long size() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** What was appended since {@code from} (at most 1 MB), as complete lines, and where the next read starts. */
    Appended since(long from) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            long start = length < from ? 0 : from; // rolled over: start at the new file's beginning
            int n = (int) Math.min(length - start, 1024 * 1024);
            byte[] bytes = new byte[n];
            raf.seek(start);
            raf.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n');
            if (end < 0) {
                return new Appended(List.of(), start);
            }
            List<String> lines = List.of(text.substring(0, end).split("\n"));
            return new Appended(lines, start + text.substring(0, end + 1).getBytes(StandardCharsets.UTF_8).length);
        } catch (IOException e) {
            return new Appended(List.of(), from);
        }
    }

    record Appended(List<String> lines, long next) {
    }
}
