package com.arasul.rules.internal;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.VarType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a rule's constraint or consequence as Java and finds what it may not contain: every node
 * kind is refused unless it is one of the few that compute (literals, operators, names, calls on
 * values, {@code new} of an allowed type) or, in a consequence, a statement that is not a loop.
 * Unicode escapes are decoded first, as the Java compiler does, so {@code \u0053ystem} is {@code System}.
 */
final class JavaAllowlist {

    /** A finding: the line within the checked text (1-based), the column, and a sentence. */
    record Finding(int line, int column, String text) {
    }

    /** Marks a setter of a {@code modify} block once it is rewritten as Java; see {@link DrlText}. */
    static final String MODIFY_MARK = "__arasulModified";

    /** Allowed together with everything in it. */
    private static final String WHOLE = new String("allowed as a whole");

    private static final JavaParser PARSER = new JavaParser(new ParserConfiguration().setPreprocessUnicodeEscapes(true)
            .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21));

    /** The simple names of the types a rule may use (imports, declared types, value types) and their full names. */
    private final Map<String, String> types;

    JavaAllowlist(Map<String, String> types) {
        this.types = types;
    }

    /** A constraint, an {@code eval}, a {@code from} source or a salience: an expression, no side effect. */
    List<Finding> checkExpression(String expression) {
        ParseResult<Expression> parsed;
        synchronized (PARSER) {
            parsed = PARSER.parseExpression(expression);
        }
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            return List.of(new Finding(1, 0, "`" + shortened(expression) + "` cannot be read as an expression of"
                    + " fields, operators and allowed calls"));
        }
        List<Finding> findings = new ArrayList<>();
        check(parsed.getResult().get(), false, findings);
        return findings;
    }

    /** A consequence, its {@code modify} blocks already rewritten as Java. */
    List<Finding> checkConsequence(String block) {
        ParseResult<BlockStmt> parsed;
        synchronized (PARSER) {
            parsed = PARSER.parseBlock("{" + block + "\n}");
        }
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            int line = parsed.getProblems().stream().flatMap(p -> p.getLocation().stream())
                    .map(l -> l.getBegin().getRange().map(r -> r.begin.line).orElse(1)).findFirst().orElse(1);
            return List.of(new Finding(line, 0, "the consequence cannot be read as Java statements"));
        }
        List<Finding> findings = new ArrayList<>();
        check(parsed.getResult().get(), true, findings);
        return findings;
    }

    private void check(Node node, boolean consequence, List<Finding> findings) {
        String refusal = refusal(node, consequence);
        if (refusal == WHOLE) {
            return; // allowed as a whole, e.g. drools.getRule().getName()
        }
        if (refusal != null) {
            int line = node.getBegin().map(p -> p.line).orElse(1);
            int column = node.getBegin().map(p -> p.column).orElse(0);
            findings.add(new Finding(line, column, refusal));
            return; // its parts would only repeat the finding
        }
        for (Node child : node.getChildNodes()) {
            check(child, consequence, findings);
        }
    }

    /**
     * Why this node is refused, {@code null} when it is allowed (its children are checked apart), or
     * {@link #WHOLE} when it is allowed with everything in it.
     */
    private String refusal(Node node, boolean consequence) {
        return switch (node) {
            case LiteralExpr l -> null;
            case SimpleName n -> null;
            case PrimitiveType t -> null;
            case VarType t -> null;
            case BinaryExpr e -> null;
            case UnaryExpr e -> null;
            case ConditionalExpr e -> null;
            case EnclosedExpr e -> null;
            case CastExpr c -> null;
            case ThisExpr e -> e.getTypeName().isPresent() ? "a qualified `this` is not allowed" : null;
            case NameExpr n -> name(n);
            case FieldAccessExpr f -> isPartOfLongerName(f) ? null : qualifiedName(f).map(this::dottedRefusal).orElse(null);
            case MethodCallExpr m -> call(m, consequence);
            case ObjectCreationExpr o -> o.getAnonymousClassBody().isPresent() || o.getScope().isPresent()
                    ? "an anonymous or inner class is not allowed: a rule cannot define code of its own"
                    : null; // the type is checked as a child
            case ClassOrInterfaceType t -> t.getParentNode().filter(p -> p instanceof ClassOrInterfaceType outer
                    && outer.getScope().orElse(null) == t).isPresent() ? null : dottedRefusal(t.getNameWithScope());
            case InstanceOfExpr i -> i.getPattern().isPresent() ? "a pattern in `instanceof` is not allowed" : null;
            case BlockStmt b when consequence -> null;
            case ExpressionStmt s when consequence -> null;
            case IfStmt s when consequence -> null;
            case EmptyStmt s when consequence -> null;
            case VariableDeclarationExpr v when consequence -> null;
            case VariableDeclarator v when consequence -> null;
            case AssignExpr a when consequence -> a.getTarget() instanceof NameExpr
                    ? null : "only a local variable may be assigned; change a fact inside `modify( $f ) { setX( ... ) }`";
            default -> Constructs.refusal(node);
        };
    }

    private String name(NameExpr name) {
        String id = name.getNameAsString();
        if (id.equals("drools") || id.equals("kcontext")) {
            return "`" + id + "` may only be used as `drools.getRule().getName()` or"
                    + " `kcontext.getKieRuntime().getSessionClock().getCurrentTime()`";
        }
        return isPartOfLongerName(name) ? null : dottedRefusal(id);
    }

    private String call(MethodCallExpr call, boolean consequence) {
        String name = call.getNameAsString();
        Optional<Expression> scope = call.getScope();
        if (root(call).filter(r -> r.equals("drools") || r.equals("kcontext")).isPresent()) {
            return contextChain(call);
        }
        if (scope.isEmpty()) {
            if (consequence && !RuleAllowlist.CONSEQUENCE_CALLS.contains(name) && !isModifyMark(call)) {
                return "`" + name + "(...)` is not allowed in a consequence: a rule may only insert, insertLogical,"
                        + " modify, update, delete or retract facts";
            }
            return RuleAllowlist.isMethodForbidden(name) ? forbiddenMethod(name) : null;
        }
        Optional<String> dotted = scope.flatMap(JavaAllowlist::qualifiedName);
        String typeRefusal = scope.flatMap(JavaAllowlist::chainStart).map(this::dottedRefusal).orElse(null);
        if (typeRefusal != null) {
            return typeRefusal;
        }
        if (dotted.filter(d -> leadingType(d).filter(d::equals).isPresent()).isPresent()) {
            return staticCall(dotted.get(), name);
        }
        if (RuleAllowlist.isMethodForbidden(name)) {
            return forbiddenMethod(name);
        }
        if (name.startsWith("set") && name.length() > 3 && Character.isUpperCase(name.charAt(3))
                && !(scope.get() instanceof MethodCallExpr mark && isModifyMark(mark))) {
            return "`" + name + "(...)` changes a fact outside `modify`: write `modify( $f ) { " + name + "( ... ) }`";
        }
        return null;
    }

    private String contextChain(MethodCallExpr call) {
        if (call.getParentNode().filter(p -> p instanceof MethodCallExpr m && m.getScope().orElse(null) == call).isPresent()) {
            return WHOLE; // the outermost call of the chain is checked
        }
        String chain = call.toString().replaceAll("\\s+", "");
        if (RuleAllowlist.CONTEXT_CHAINS.contains(chain)) {
            return WHOLE;
        }
        return "`" + shortened(chain) + "` is not allowed: of the rule context, a rule may only read"
                + " `drools.getRule().getName()` and `kcontext.getKieRuntime().getSessionClock().getCurrentTime()`";
    }

    private String staticCall(String type, String method) {
        String full = types.getOrDefault(type, type);
        if (!RuleAllowlist.VALUE_TYPES.containsKey(full)) {
            // a fact type or one declared in the rules: its factories and constants
            return RuleAllowlist.isMethodForbidden(method) ? forbiddenMethod(method) : null;
        }
        Set<String> allowed = RuleAllowlist.VALUE_TYPES.get(full);
        return allowed.contains(method) ? null
                : "`" + type + "." + method + "(...)` is not allowed: of " + type + " a rule may call "
                        + (allowed.isEmpty() ? "no static method" : String.join(", ", allowed.stream().sorted().toList()));
    }

    /**
     * Why a dotted name is refused, or {@code null}: one that starts with a type ({@code Math.PI},
     * {@code java.time.Instant}) needs an allowed type; one that starts with a variable or field is fine.
     */
    private String dottedRefusal(String dotted) {
        return leadingType(dotted).filter(t -> !types.containsKey(t) && !types.containsValue(t))
                .map(t -> "`" + shortened(t) + "` is not a type a rule may use: rules may only use the published fact"
                        + " and action types and a few value types (String, Math, numbers, java.time), see rules/README.md")
                .orElse(null);
    }

    /** The type a dotted name starts with ({@code Math}, {@code java.time.Instant}, a package), empty for a variable. */
    private static Optional<String> leadingType(String dotted) {
        String[] parts = dotted.split("\\.");
        if (Character.isUpperCase(parts[0].charAt(0))) {
            return Optional.of(parts[0]);
        }
        if (!RuleAllowlist.PACKAGE_ROOTS.contains(parts[0])) {
            return Optional.empty();
        }
        for (int i = 1; i < parts.length; i++) {
            if (Character.isUpperCase(parts[i].charAt(0))) {
                return Optional.of(String.join(".", List.of(parts).subList(0, i + 1)));
            }
        }
        return Optional.of(dotted);
    }

    /** A name or field access that is the scope of a longer dotted name: the longest one is checked. */
    private static boolean isPartOfLongerName(Expression expression) {
        return expression.getParentNode()
                .filter(p -> p instanceof FieldAccessExpr f && f.getScope() == expression).isPresent();
    }

    private static String forbiddenMethod(String name) {
        return "`" + name + "(...)` is not allowed: it reaches classes, threads, processes or the engine itself";
    }

    private static boolean isModifyMark(MethodCallExpr call) {
        return call.getNameAsString().equals(MODIFY_MARK) && call.getScope().isEmpty();
    }

    /** {@code a.b.C} for a name made only of names and field accesses, else empty. */
    static Optional<String> qualifiedName(Expression expression) {
        return switch (expression) {
            case NameExpr n -> Optional.of(n.getNameAsString());
            case FieldAccessExpr f -> qualifiedName(f.getScope()).map(s -> s + "." + f.getNameAsString());
            default -> Optional.empty();
        };
    }

    /** The name or type a chain of calls starts from: {@code java.lang.Runtime} in {@code java.lang.Runtime.getRuntime().exec(..)}. */
    private static Optional<String> chainStart(Expression expression) {
        return switch (expression) {
            case MethodCallExpr m -> m.getScope().flatMap(JavaAllowlist::chainStart);
            case ObjectCreationExpr o -> Optional.of(o.getType().getNameWithScope());
            case EnclosedExpr e -> chainStart(e.getInner());
            default -> qualifiedName(expression);
        };
    }

    /** The name at the start of a chain of calls and field accesses, e.g. {@code drools}. */
    private static Optional<String> root(Expression expression) {
        return switch (expression) {
            case NameExpr n -> Optional.of(n.getNameAsString());
            case FieldAccessExpr f -> root(f.getScope());
            case MethodCallExpr m -> m.getScope().flatMap(JavaAllowlist::root);
            default -> Optional.empty();
        };
    }

    static String shortened(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() > 80 ? line.substring(0, 77) + "..." : line;
    }
}
