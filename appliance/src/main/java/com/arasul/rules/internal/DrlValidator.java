package com.arasul.rules.internal;

import com.arasul.rules.RuleMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AbstractClassTypeDeclarationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * Reads {@code .drl} files with Drools' own parser before anything is compiled, and refuses, with
 * file, line and a sentence, everything outside the allowlist of {@link RuleAllowlist}: a rule may
 * compare facts and insert, modify or delete them, and nothing else. Nothing of a refused file is
 * compiled, so none of its code is ever loaded.
 */
public final class DrlValidator {

    private static final Pattern PARSER_POSITION = Pattern.compile("Line \\d+:(\\d+)");
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u+[0-9a-fA-F]{4}");

    /** The files of one rule set, keyed by path; types declared in one file are used in the others. */
    public List<RuleMessage> validate(Map<String, String> sources) {
        Map<String, PackageDescr> parsed = new HashMap<>();
        List<RuleMessage> messages = new ArrayList<>();
        sources.forEach((file, text) -> parse(file, text, messages).ifPresent(p -> parsed.put(file, p)));
        Map<String, String> declared = new HashMap<>();
        parsed.values().forEach(p -> p.getClassAndEnumDeclarationDescrs()
                .forEach(t -> declared.put(t.getTypeName(), p.getName() + "." + t.getTypeName())));
        parsed.forEach((file, pkg) -> messages.addAll(
                new FileCheck(file, sources.get(file), types(pkg, declared, file, messages)).check(pkg)));
        return messages;
    }

    private static java.util.Optional<PackageDescr> parse(String file, String text, List<RuleMessage> messages) {
        var escape = UNICODE_ESCAPE.matcher(text);
        if (escape.find()) {
            messages.add(new RuleMessage(file, lineOf(text, escape.start()), 0, "ERROR",
                    "a Unicode escape (\\u...) is not allowed in a rule file: write the character itself"));
            return java.util.Optional.empty();
        }
        DrlParser parser = new DrlParser();
        try {
            PackageDescr pkg = parser.parse(false, text);
            if (!parser.hasErrors() && pkg != null) {
                return java.util.Optional.of(pkg);
            }
            // a file the parser cannot read is not compiled either: what it read of it was not checked
            parser.getErrors().forEach(e -> messages.add(new RuleMessage(file, e.getLines().length > 0 ? e.getLines()[0] : 0,
                    parserColumn(e.getMessage()), "ERROR", e.getMessage())));
            if (parser.getErrors().isEmpty()) {
                messages.add(new RuleMessage(file, 0, 0, "ERROR", "the file cannot be read as DRL"));
            }
        } catch (DroolsParserException | RuntimeException e) {
            messages.add(new RuleMessage(file, 0, 0, "ERROR", "the file cannot be read as DRL: " + e.getMessage()));
        }
        return java.util.Optional.empty();
    }

    /** The type names a file may use: its allowed imports, the types declared in the rule set, java.lang value types. */
    private static Map<String, String> types(PackageDescr pkg, Map<String, String> declared, String file,
            List<RuleMessage> messages) {
        Map<String, String> types = new HashMap<>(declared);
        RuleAllowlist.VALUE_TYPES.keySet().stream().filter(t -> t.startsWith("java.lang."))
                .forEach(t -> types.put(t.substring(t.lastIndexOf('.') + 1), t));
        RuleAllowlist.VALUE_TYPES.keySet().stream().filter(t -> !t.startsWith("java.lang.")).forEach(t -> types.put(t, t));
        RuleAllowlist.FACT_TYPES.forEach(t -> types.put(t, t));
        for (ImportDescr i : pkg.getImports()) {
            String target = i.getTarget();
            if (target.endsWith(".*")) {
                messages.add(error(file, i, "`import " + target + "`: import each fact type by its full name"));
            } else if (!RuleAllowlist.FACT_TYPES.contains(target) && !RuleAllowlist.VALUE_TYPES.containsKey(target)) {
                messages.add(error(file, i, "`import " + target + "` is not allowed: rules may only import the published"
                        + " fact and action types (see rules/README.md)"));
            } else {
                types.put(target.substring(target.lastIndexOf('.') + 1), target);
            }
        }
        return types;
    }

    static RuleMessage error(String file, BaseDescr descr, String text) {
        return new RuleMessage(file, Math.max(descr.getLine(), 0), Math.max(descr.getColumn(), 0) + (descr.getColumn() >= 0 ? 1 : 0),
                "ERROR", text);
    }

    /** The parser knows the column but only says it in its text ("Line 7:4 mismatched input"). */
    private static int parserColumn(String text) {
        Matcher matcher = PARSER_POSITION.matcher(text == null ? "" : text);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) + 1 : 0;
    }

    private static int lineOf(String text, int index) {
        return (int) text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }

    /** The checks of one file's package. */
    private static final class FileCheck {

        private final String file;
        private final String[] lines;
        private final JavaAllowlist java;
        private final List<RuleMessage> messages = new ArrayList<>();

        FileCheck(String file, String text, Map<String, String> types) {
            this.file = file;
            this.lines = text.split("\n", -1);
            this.java = new JavaAllowlist(types);
        }

        List<RuleMessage> check(PackageDescr pkg) {
            pkg.getFunctions().forEach(f -> refuse(f, "`function " + f.getName() + "` is not allowed: a rule file may"
                    + " not define Java code of its own"));
            pkg.getFunctionImports().forEach(f -> refuse(f, "`import function` is not allowed"));
            pkg.getAccumulateImports().forEach(a -> refuse(a, "`import accumulate` is not allowed: use count, sum,"
                    + " average, min, max, collectList or collectSet"));
            pkg.getGlobals().stream().filter(g -> !RuleAllowlist.GLOBALS.contains(g.getIdentifier()))
                    .forEach(g -> refuse(g, "`global " + g.getType() + " " + g.getIdentifier() + "` is not allowed: the"
                            + " engine sets no such global"));
            pkg.getEnumDeclarations().forEach(e -> refuse(e, "`declare enum` is not allowed"));
            pkg.getWindowDeclarations().forEach(w -> refuse(w, "`declare window` is not allowed: write"
                    + " `over window:time( .. )` on the pattern"));
            pkg.getEntryPointDeclarations().forEach(e -> refuse(e, "`declare entry-point` is not allowed"));
            pkg.getAttributes().forEach(this::attribute);
            pkg.getTypeDeclarations().forEach(this::declaration);
            pkg.getClassAndEnumDeclarationDescrs().forEach(this::fields);
            for (RuleDescr rule : pkg.getRules()) {
                rule.getAttributes().values().forEach(this::attribute);
                new LhsCheck(file, java, messages, rule).check(rule.getLhs());
                consequence(rule);
            }
            return messages;
        }

        private void consequence(RuleDescr rule) {
            if (!rule.getNamedConsequences().isEmpty()) {
                refuse(rule, "rule \"" + rule.getName() + "\": named consequences (`then[..]`, `do[..]`) are not allowed");
            }
            if (!(rule.getConsequence() instanceof String text) || text.isBlank()) {
                return;
            }
            // the parser counts the line of `then` from 0 and starts the text at its first non-blank
            // character, after which JavaParser reads it behind an opening brace
            for (JavaAllowlist.Finding f : java.checkConsequence(DrlText.consequence(text))) {
                int line = rule.getConsequenceLine() + f.line();
                int column = f.line() > 1 ? f.column() : f.column() - 1 + indentation(line);
                messages.add(new RuleMessage(file, line, column, "ERROR", "rule \"" + rule.getName() + "\": " + f.text()));
            }
        }

        private int indentation(int line) {
            if (line < 1 || line > lines.length) {
                return 0;
            }
            String text = lines[line - 1];
            return text.length() - text.stripLeading().length();
        }

        private void attribute(AttributeDescr attribute) {
            String name = attribute.getName();
            String value = attribute.getValue() == null ? "" : attribute.getValue().strip();
            if (!RuleAllowlist.ATTRIBUTES.contains(name)) {
                refuse(attribute, "the attribute `" + name + "` is not allowed");
            } else if (name.equals("dialect") && !value.replace("\"", "").equals("java")) {
                refuse(attribute, "`dialect " + value + "` is not allowed: rules are written in the java dialect");
            } else if (name.equals("timer") && !value.matches("(?s)\\(?\\s*(int|cron)\\s*:[^()$]*\\)?")) {
                refuse(attribute, "`timer " + value + "`: only `timer( int: .. )` and `timer( cron: .. )` are allowed");
            } else if ((name.equals("salience") || name.equals("enabled")) && !value.matches("-?\\d+|true|false")) {
                java.checkExpression(value).forEach(f -> refuse(attribute, "`" + name + "`: " + f.text()));
            }
        }

        private void declaration(TypeDeclarationDescr type) {
            type.getAnnotations().stream().filter(a -> !RuleAllowlist.ANNOTATIONS.contains(a.getName()))
                    .forEach(a -> refuse(type, "`@" + a.getName() + "` is not allowed on a declared type"));
        }

        private void fields(AbstractClassTypeDeclarationDescr type) {
            type.getSuperTypes().forEach(s -> java.checkExpression(s.getFullName())
                    .forEach(f -> refuse(type, "`declare " + type.getTypeName() + "` extends a type: " + f.text())));
            type.getFields().values().forEach(field -> {
                String fieldType = field.getPattern() == null ? "" : field.getPattern().getObjectType();
                java.checkExpression("(" + fieldType + ") null")
                        .forEach(f -> refuse(field, "field `" + field.getFieldName() + "`: " + f.text()));
                if (field.getInitExpr() != null) {
                    java.checkExpression(field.getInitExpr())
                            .forEach(f -> refuse(field, "field `" + field.getFieldName() + "`: " + f.text()));
                }
                field.getAnnotations().stream().filter(a -> !RuleAllowlist.ANNOTATIONS.contains(a.getName()))
                        .forEach(a -> refuse(field, "`@" + a.getName() + "` is not allowed on a field"));
            });
        }

        private void refuse(BaseDescr descr, String text) {
            messages.add(error(file, descr, text));
        }
    }
}
