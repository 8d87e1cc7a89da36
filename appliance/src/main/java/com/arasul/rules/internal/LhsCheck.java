package com.arasul.rules.internal;

import com.arasul.rules.RuleMessage;
import java.util.List;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BehaviorDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * The conditions of one rule: patterns of allowed types, constraints that are expressions over
 * facts, {@code from} an expression, {@code accumulate} with the built-in functions, windows
 * ({@code over window:time/length}), {@code not}, {@code exists}, {@code forall}, {@code or} and
 * {@code eval} of an expression. Anything else is refused.
 */
final class LhsCheck {

    private final String file;
    private final JavaAllowlist java;
    private final List<RuleMessage> messages;
    private final RuleDescr rule;

    LhsCheck(String file, JavaAllowlist java, List<RuleMessage> messages, RuleDescr rule) {
        this.file = file;
        this.java = java;
        this.messages = messages;
        this.rule = rule;
    }

    void check(BaseDescr descr) {
        switch (descr) {
            case null -> { }
            case PatternDescr pattern -> pattern(pattern);
            case EvalDescr eval -> expression(eval, String.valueOf(eval.getContent()));
            case ConditionalElementDescr element -> element.getDescrs().forEach(d -> check((BaseDescr) d));
            default -> refuse(descr, "`" + descr.getText() + "` is not a condition a rule may use");
        }
    }

    private void pattern(PatternDescr pattern) {
        if (pattern.getObjectType() != null) {
            java.checkExpression("(" + pattern.getObjectType() + ") null")
                    .forEach(f -> refuse(pattern, f.text()));
        }
        if (pattern.getConstraint() != null) {
            pattern.getConstraint().getDescrs().forEach(c -> constraint((BaseDescr) c));
        }
        for (BehaviorDescr behavior : pattern.getBehaviors()) {
            if (!"window".equals(behavior.getType()) || !List.of("time", "length").contains(behavior.getSubType())) {
                refuse(pattern, "`over " + behavior.getType() + ":" + behavior.getSubType() + "` is not allowed: use"
                        + " `over window:time( .. )` or `over window:length( .. )`");
            }
        }
        switch (pattern.getSource()) {
            case null -> { }
            case FromDescr from -> expression(from, from.getExpression());
            case AccumulateDescr accumulate -> accumulate(pattern, accumulate);
            case CollectDescr collect -> check(collect.getInputPattern());
            default -> refuse(pattern, "`from " + pattern.getSource().getText() + "` is not allowed: `from` takes an"
                    + " expression over bound facts, `accumulate` or `collect`");
        }
    }

    private void accumulate(PatternDescr pattern, AccumulateDescr accumulate) {
        if (!accumulate.isExternalFunction()) {
            refuse(pattern, "`accumulate` with init/action/result code is not allowed: use count, sum, average, min,"
                    + " max, collectList or collectSet");
            return;
        }
        check(accumulate.getInput());
        for (AccumulateDescr.AccumulateFunctionCallDescr function : accumulate.getFunctions()) {
            if (!RuleAllowlist.ACCUMULATE_FUNCTIONS.contains(function.getFunction())) {
                refuse(pattern, "the accumulate function `" + function.getFunction() + "` is not allowed: use count,"
                        + " sum, average, min, max, collectList or collectSet");
            }
            for (String parameter : function.getParams()) {
                expression(pattern, parameter);
            }
        }
    }

    private void constraint(BaseDescr constraint) {
        switch (constraint) {
            case ExprConstraintDescr expr -> expression(expr, DrlText.constraint(expr.getExpression()));
            case BindingDescr binding -> expression(binding, binding.getExpression());
            case ConditionalElementDescr element -> element.getDescrs().forEach(d -> constraint((BaseDescr) d));
            default -> refuse(constraint, "`" + constraint.getText() + "` is not a constraint a rule may use");
        }
    }

    private void expression(BaseDescr descr, String expression) {
        java.checkExpression(expression).forEach(f -> refuse(descr, f.text()));
    }

    private void refuse(BaseDescr descr, String text) {
        BaseDescr located = descr.getLine() > 0 ? descr : rule;
        RuleMessage message = DrlValidator.error(file, located, "rule \"" + rule.getName() + "\": " + text);
        messages.add(message);
    }
}
