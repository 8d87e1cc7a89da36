package com.arasul.rules.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns the parts of DRL that are not Java into Java with the same meaning for the allowlist, so
 * JavaParser can read them: the operators of constraints become {@code ==}, bindings are dropped, and
 * a {@code modify( $f ) { setX( .. ) }} block becomes calls that mark the setters as inside it. Line
 * breaks are kept, so positions still point into the file. What cannot be rewritten stays as it is
 * and then does not parse, which refuses it.
 */
final class DrlText {

    /** {@code $x :} or {@code x :=} at the start of a constraint. */
    private static final Pattern BINDING = Pattern.compile("^\\s*[$A-Za-z_][$\\w]*\\s*:=?(?!:)");
    /** A time window of a temporal operator holds only numbers with units, e.g. {@code [ 30s, 40s ]}. */
    private static final String WINDOW = "(\\s*\\[\\s*-?\\d+[a-z]*\\s*(,\\s*-?\\d+[a-z]*\\s*)*\\])?";
    private static final Pattern OPERATOR = Pattern.compile("\\b(not\\s+)?(memberOf|contains|matches|soundslike|"
            + "str\\s*\\[\\s*(startsWith|endsWith|length)\\s*\\]|after|before|coincides|during|finishes|finishedby|"
            + "includes|meets|metby|overlaps|overlappedby|starts|startedby)\\b" + WINDOW);
    private static final Pattern IN = Pattern.compile("\\b(not\\s+)?in\\s*\\(");

    private DrlText() {
    }

    /** A constraint as a Java expression. */
    static String constraint(String expression) {
        String java = BINDING.matcher(expression).replaceFirst("");
        java = OPERATOR.matcher(java).replaceAll(" == ");
        return IN.matcher(java).replaceAll(" == " + JavaAllowlist.MODIFY_MARK + "In(");
    }

    /** A consequence as Java: each {@code modify} block becomes {@code modify( $f ); mark( $f ).setX( .. );}. */
    static String consequence(String text) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        var modify = Pattern.compile("\\bmodify\\s*\\(").matcher(text);
        while (modify.find(from)) {
            int targetStart = modify.end();
            int targetEnd = closing(text, targetStart - 1, '(', ')');
            int brace = targetEnd < 0 ? -1 : skipSpace(text, targetEnd + 1);
            if (brace < 0 || brace >= text.length() || text.charAt(brace) != '{') {
                out.append(text, from, modify.end());
                from = modify.end();
                continue;
            }
            int blockEnd = closing(text, brace, '{', '}');
            if (blockEnd < 0) {
                break; // unbalanced: left as it is, it will not parse
            }
            String target = text.substring(targetStart, targetEnd);
            out.append(text, from, targetEnd + 1).append(';');
            for (String item : topLevelItems(text.substring(brace + 1, blockEnd))) {
                String stripped = item.strip();
                if (!stripped.isEmpty()) {
                    out.append(item, 0, item.indexOf(stripped)).append(JavaAllowlist.MODIFY_MARK).append('(')
                            .append(target).append(").").append(stripped).append(';')
                            .append(item.substring(item.indexOf(stripped) + stripped.length()));
                }
            }
            from = blockEnd + 1;
        }
        return out.append(text.substring(Math.min(from, text.length()))).toString();
    }

    private static int skipSpace(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The index of the bracket closing the one at {@code open}, skipping string and char literals; -1 if none. */
    private static int closing(String text, int open, char opening, char close) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(text, i);
            } else if (c == opening) {
                depth++;
            } else if (c == close && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int endOfLiteral(String text, int start) {
        char quote = text.charAt(start);
        for (int i = start + 1; i < text.length(); i++) {
            if (text.charAt(i) == '\\') {
                i++;
            } else if (text.charAt(i) == quote) {
                return i;
            }
        }
        return text.length();
    }

    /** The comma-separated items of a modify block, commas inside brackets and literals left alone. */
    private static List<String> topLevelItems(String block) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < block.length(); i++) {
            char c = block.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(block, i);
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                items.add(block.substring(start, i));
                start = i + 1;
            }
        }
        items.add(block.substring(start));
        return items;
    }
}
