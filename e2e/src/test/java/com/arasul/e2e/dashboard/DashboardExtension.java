package com.arasul.e2e.dashboard;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Starts the appliance for {@link DashboardTest} classes and hands out browsers; closes both. */
final class DashboardExtension implements BeforeAllCallback, ParameterResolver, TestExecutionExceptionHandler {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DashboardExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        appliance(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == DashboardAppliance.class || type == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        DashboardAppliance appliance = appliance(context);
        if (parameter.getParameter().getType() == DashboardAppliance.class) {
            return appliance;
        }
        // stored in the method's store: JUnit closes it after the test, pass or fail
        return context.getStore(NAMESPACE).computeIfAbsent("browser-" + parameter.getIndex(),
                key -> appliance.browser("en"), Browser.class);
    }

    /** A failed test leaves a screenshot of every browser it opened and the appliance's last log lines. */
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        DashboardAppliance appliance = appliance(context);
        appliance.screenshotAll("failed-" + context.getRequiredTestMethod().getName());
        System.err.println("appliance log of the failed " + context.getDisplayName() + ":\n"
                + appliance.process().logTail(60));
        throw failure;
    }

    private static DashboardAppliance appliance(ExtensionContext context) {
        ExtensionContext classContext = context.getTestClass().isPresent() && context.getTestMethod().isPresent()
                ? context.getParent().orElseThrow() : context;
        return classContext.getStore(NAMESPACE).computeIfAbsent("appliance", key -> {
            try {
                Path work = Files.createTempDirectory("arasul-dashboard-e2e-");
                return DashboardAppliance.start(work, classContext.getRequiredTestClass().getSimpleName());
            } catch (Exception e) {
                throw new IllegalStateException("the appliance for the browser tests did not start", e);
            }
        }, DashboardAppliance.class);
    }
}
