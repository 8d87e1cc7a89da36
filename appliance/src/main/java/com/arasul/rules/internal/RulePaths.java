package com.arasul.rules.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The only way a name from a request becomes a path: a rule set is a plain folder name below the
 * rules folder, a rule file a plain {@code .drl} file name in it. Anything else is refused with an
 * {@link IllegalArgumentException} (the API answers 400) before the file system is touched.
 */
public final class RulePaths {

    private static final Pattern RULE_SET = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    private static final Pattern RULE_FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,122}\\.drl");

    private RulePaths() {
    }

    public static boolean isRuleSetName(String name) {
        return name != null && RULE_SET.matcher(name).matches();
    }

    public static String ruleSet(String name) {
        if (!isRuleSetName(name)) {
            throw new IllegalArgumentException("not a rule set name (lower-case letters, digits, - and _): " + printable(name));
        }
        return name;
    }

    public static String ruleFile(String name) {
        if (name == null || !RULE_FILE.matcher(name).matches() || name.contains("..")) {
            throw new IllegalArgumentException("not a rule file name (letters, digits, . - _, ending in .drl, no folders): "
                    + printable(name));
        }
        return name;
    }

    /**
     * The file {@code set/file} below {@code root}, after checking both names, that the result is
     * inside the rule set's folder, and that neither the folder nor the file is a symbolic link
     * (links are never followed, so a link cannot lead out of the rules folder).
     */
    public static Path resolve(Path root, String set, String file) {
        Path folder = root.resolve(ruleSet(set)).normalize();
        Path target = folder.resolve(ruleFile(file)).normalize();
        if (!folder.startsWith(root) || !folder.equals(target.getParent())) {
            throw new IllegalArgumentException("not inside the rules folder: " + set + "/" + file);
        }
        if (Files.isSymbolicLink(folder) || Files.isSymbolicLink(target)) {
            throw new IllegalArgumentException(set + "/" + file + " is a symbolic link; rule files are read and written"
                    + " only as plain files");
        }
        return target;
    }

    private static String printable(String name) {
        if (name == null) {
            return "(none)";
        }
        String cut = name.length() > 80 ? name.substring(0, 80) + "..." : name;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
