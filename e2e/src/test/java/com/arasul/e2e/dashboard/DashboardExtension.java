package com.arasul.e2e.dashboard;

import com.arasul.ai.StandInOllama;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

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
        return type == DashboardAppliance.class || type == Browser.class
                || type == StandInOllama.class && ollamaWanted(context);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        DashboardAppliance appliance = appliance(context);
        if (parameter.getParameter().getType() == DashboardAppliance.class) {
            return appliance;
        }
        if (parameter.getParameter().getType() == StandInOllama.class) {
            return classContext(context).getStore(NAMESPACE).get("ollama", StandInOllama.class);
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

    private static boolean ollamaWanted(ExtensionContext context) {
        return AnnotationSupport.findAnnotation(context.getRequiredTestClass(), DashboardTest.class)
                .map(DashboardTest::ollama).orElse(false);
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        return context.getTestClass().isPresent() && context.getTestMethod().isPresent()
                ? context.getParent().orElseThrow() : context;
    }

    private static DashboardAppliance appliance(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        ExtensionContext.Store store = classContext.getStore(NAMESPACE);
        // the stand-in is stored before the appliance, so JUnit (closing in reverse order) stops it last
        Map<String, String> env = ollamaWanted(classContext)
                ? Map.of("ARASUL_LLM_URL", store.computeIfAbsent("ollama", key -> new StandInOllama(), StandInOllama.class)
                        .url().toString())
                : Map.of();
        return store.computeIfAbsent("appliance", key -> {
            try {
                Path work = Files.createTempDirectory("arasul-dashboard-e2e-");
                return DashboardAppliance.start(work, classContext.getRequiredTestClass().getSimpleName(), env);
            } catch (Exception e) {
                throw new IllegalStateException("the appliance for the browser tests did not start", e);
            }
        }, DashboardAppliance.class);
    }
}
