package com.arasul.updates.internal.intake;

import java.io.File;
import java.nio.file.Path;

/**
 * Where packages lie below a mount root: {@code <root>/<stick>/updates/*.araupdate}, or one level
 * deeper as desktops mount them ({@code /run/media/<user>/<stick>/updates/}), or right below a root
 * that is itself the stick's mount point ({@code /mnt/usb/updates/}).
 */
record StickLayout(Path root) {

    static final String FOLDER = "updates";
    static final String SUFFIX = ".araupdate";

    StickLayout {
        root = root.toAbsolutePath().normalize();
    }

    boolean isPackage(File file) {
        Path path = file.toPath().toAbsolutePath().normalize();
        if (!path.startsWith(root) || !file.getName().endsWith(SUFFIX) || file.getName().startsWith(".")) {
            return false;
        }
        int depth = root.relativize(path).getNameCount();
        Path parent = path.getParent();
        return depth >= 2 && depth <= 4 && parent.getFileName().toString().equals(FOLDER);
    }

    /** The stick a package lies on: the folder holding its {@code updates/} folder. */
    Path stickOf(File file) {
        return file.toPath().toAbsolutePath().normalize().getParent().getParent();
    }

    /** Which folders the file watcher registers: sticks, users' folders, and their {@code updates/}. */
    boolean mayHoldPackages(Path dir) {
        Path path = dir.toAbsolutePath().normalize();
        if (!path.startsWith(root)) {
            return false;
        }
        int depth = root.relativize(path).getNameCount();
        return depth <= 2 || (depth == 3 && path.getFileName().toString().equals(FOLDER));
    }
}
