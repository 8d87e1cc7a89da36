package com.arasul.updates.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where each input lands inside {@code payload/}: {@code images/<service>.tar[.gz]},
 * {@code migrations/...} and {@code rules/...} (folders copied with their sub-folders).
 */
record PayloadLayout(List<Component> components, Map<String, Path> sources) {

    static PayloadLayout of(PackageInputs inputs) throws IOException {
        List<Component> components = new ArrayList<>();
        Map<String, Path> sources = new LinkedHashMap<>();
        for (Map.Entry<String, Path> image : inputs.images().entrySet()) {
            Path file = image.getValue();
            if (!Files.isRegularFile(file)) throw new IllegalArgumentException("the image " + file + " is not a file");
            String path = "images/" + image.getKey() + (isGzip(file) ? ".tar.gz" : ".tar");
            components.add(new Component.Image(image.getKey(), path));
            sources.put(path, file);
        }
        if (inputs.migrations().isPresent()) {
            addFolder(inputs.migrations().get(), "migrations", "", sources);
            components.add(new Component.Migrations("migrations"));
        }
        if (inputs.rules().isPresent()) {
            addFolder(inputs.rules().get(), "rules", ".drl", sources);
            components.add(new Component.Rules("rules"));
        }
        return new PayloadLayout(components, sources);
    }

    private static void addFolder(Path folder, String target, String required, Map<String, Path> sources) throws IOException {
        if (!Files.isDirectory(folder)) throw new IllegalArgumentException(folder + " is not a folder");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(p -> !p.equals(folder)).sorted().toList();
        }
        boolean found = false;
        for (Path file : files) {
            if (Files.isSymbolicLink(file)) {
                throw new IllegalArgumentException(file + " is a symbolic link; packages hold plain files only");
            }
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) continue;
            String relative = folder.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
            String path = target + "/" + relative;
            String problem = PayloadPaths.problem(path);
            if (problem != null) throw new IllegalArgumentException("the file name " + relative + " " + problem);
            sources.put(path, file);
            found |= path.endsWith(required);
        }
        if (!found) {
            throw new IllegalArgumentException(folder + " holds no " + (required.isEmpty() ? "" : required + " ") + "files");
        }
    }

    private static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }
}
