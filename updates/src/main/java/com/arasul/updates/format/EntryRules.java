package com.arasul.updates.format;

import static com.arasul.updates.format.RefusalReason.*;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** What an archive entry may be: a plain file or a folder, with a safe name. */
final class EntryRules {

    private EntryRules() {
    }

    static void requireSafe(TarArchiveEntry entry) throws PackageRefusedException {
        String problem = PayloadPaths.entryProblem(entry.getName());
        if (problem != null) {
            throw new PackageRefusedException(UNSAFE_PATH,
                    "The package holds the path \"" + shown(entry.getName()) + "\", which " + problem + ".");
        }
        if (!entry.isDirectory()) requirePlainFile(entry);
    }

    static void requirePlainFile(TarArchiveEntry entry) throws PackageRefusedException {
        String name = shown(entry.getName());
        if (entry.isSymbolicLink()) {
            throw new PackageRefusedException(SYMLINK, "The package holds a symbolic link, " + name + "; links are not allowed.");
        }
        if (entry.isLink()) {
            throw new PackageRefusedException(HARD_LINK, "The package holds a hard link, " + name + "; links are not allowed.");
        }
        byte flag = entry.getLinkFlag();
        if (entry.isDirectory() || flag != TarConstants.LF_NORMAL && flag != TarConstants.LF_OLDNORM) {
            String kind = entry.isCharacterDevice() || entry.isBlockDevice() ? "a device file"
                    : entry.isFIFO() ? "a FIFO" : entry.isDirectory() ? "a folder" : "an entry of type '" + (char) flag + "'";
            throw new PackageRefusedException(SPECIAL_FILE, "The package holds " + kind + ", " + name + "; only plain files are allowed.");
        }
        if (entry.isSparse()) {
            throw new PackageRefusedException(SPECIAL_FILE, "The package holds a sparse file, " + name + "; only plain files are allowed.");
        }
    }

    static void requirePayloadFolder(String name) throws PackageRefusedException {
        if (!name.startsWith(PayloadPaths.PREFIX)) {
            throw new PackageRefusedException(EXTRA_ENTRY, "The package holds the folder " + shown(name) + " outside payload/.");
        }
    }

    /** A name safe to put in a message: control characters replaced, long names shortened. */
    static String shown(String name) {
        String clean = name.replaceAll("[\\x00-\\x1f\\x7f]", "?");
        return clean.length() > 120 ? clean.substring(0, 120) + "…" : clean;
    }
}
