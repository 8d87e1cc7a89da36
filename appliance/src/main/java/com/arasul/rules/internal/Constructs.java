package com.arasul.rules.internal;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.LocalRecordDeclarationStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;

/** The sentences for Java constructs a rule may not contain. */
final class Constructs {

    private Constructs() {
    }

    static String refusal(Node node) {
        String what = switch (node) {
            case WhileStmt s -> "a `while` loop";
            case DoStmt s -> "a `do` loop";
            case ForStmt s -> "a `for` loop";
            case ForEachStmt s -> "a `for` loop";
            case LambdaExpr e -> "a lambda";
            case MethodReferenceExpr e -> "a method reference";
            case ClassExpr e -> "a `.class` literal (reflection)";
            case TryStmt s -> "`try`";
            case ThrowStmt s -> "`throw`";
            case SynchronizedStmt s -> "`synchronized`";
            case SwitchStmt s -> "`switch`";
            case SwitchExpr e -> "`switch`";
            case ReturnStmt s -> "`return`";
            case LocalClassDeclarationStmt s -> "a class declaration";
            case LocalRecordDeclarationStmt s -> "a record declaration";
            case SuperExpr e -> "`super`";
            case ArrayCreationExpr e -> "an array";
            case ArrayAccessExpr e -> "an array";
            case AssignExpr e -> "an assignment";
            default -> "`" + JavaAllowlist.shortened(node.toString()) + "`";
        };
        return what + " is not allowed in a rule: conditions compare facts, consequences insert, modify or delete them";
    }
}
