package com.arasul.updates.format;

import static com.arasul.updates.format.ManifestCodec.invalid;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules a well-formed manifest must also meet: safe unique paths and components that point at files. */
final class ManifestRules {

    private static final Pattern SERVICE = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}");

    private ManifestRules() {
    }

    static void check(Manifest m) throws PackageRefusedException {
        if (m.minVersion().isNewerThan(m.version())) {
            throw invalid("min_version " + m.minVersion() + " is newer than version " + m.version());
        }
        Set<String> paths = new HashSet<>();
        for (PayloadFile f : m.files()) {
            String problem = PayloadPaths.problem(f.path());
            if (problem != null) {
                throw new PackageRefusedException(RefusalReason.UNSAFE_PATH,
                        "The manifest lists the path \"" + f.path() + "\", which " + problem + ".");
            }
            if (!paths.add(f.path())) throw invalid("the file " + f.path() + " is listed twice");
        }
        // A path that is also another path's folder could not be staged as both.
        for (String path : paths) {
            for (int i = path.indexOf('/'); i > 0; i = path.indexOf('/', i + 1)) {
                if (paths.contains(path.substring(0, i))) {
                    throw invalid(path.substring(0, i) + " is listed as a file and as a folder");
                }
            }
        }
        Set<String> services = new HashSet<>();
        Set<String> singletons = new HashSet<>();
        for (Component c : m.components()) {
            switch (c) {
                case Component.Image i -> {
                    if (!SERVICE.matcher(i.service()).matches()) throw invalid("\"" + i.service() + "\" is not a service name");
                    if (!services.add(i.service())) throw invalid("the service " + i.service() + " has two images");
                    if (!paths.contains(i.file())) throw invalid("the image file " + i.file() + " is not listed in files");
                }
                case Component.Migrations mi -> requireDir(paths, singletons, c, mi.dir(), "");
                case Component.Rules r -> requireDir(paths, singletons, c, r.dir(), ".drl");
            }
        }
    }

    private static void requireDir(Set<String> paths, Set<String> singletons, Component c, String dir, String suffix)
            throws PackageRefusedException {
        if (!singletons.add(c.type())) throw invalid("there is more than one " + c.type() + " component");
        String prefix = dir.endsWith("/") ? dir : dir + "/";
        boolean present = paths.stream().anyMatch(p -> p.startsWith(prefix) && p.endsWith(suffix));
        if (!present) {
            throw invalid("the " + c.type() + " folder " + dir + " has no " + (suffix.isEmpty() ? "" : suffix + " ") + "files listed in files");
        }
    }
}
