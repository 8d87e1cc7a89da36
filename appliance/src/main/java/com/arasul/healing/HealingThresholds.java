package com.arasul.healing;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The limits the healing rules compare against, inserted into every rule session as a fact so a
 * rule reads {@code HealingThresholds($max: cpuPercent)}. Percentages are 0–100; GPU memory is a
 * share of the device's total (36/38/40 GB of a 64 GB Orin are 56.25/59.375/62.5 %). Set from
 * {@code arasul.healing.thresholds.*}; the defaults are the values of the requirements.
 */
public record HealingThresholds(
        @DefaultValue("90") double cpuPercent,
        @DefaultValue("90") double ramPercent,
        @DefaultValue("95") double gpuPercent,
        @DefaultValue("99") double gpuHangPercent,
        @DefaultValue("56.25") double gpuMemoryWarnPercent,
        @DefaultValue("59.375") double gpuMemoryClearPercent,
        @DefaultValue("62.5") double gpuMemoryResetPercent,
        @DefaultValue("83") double temperatureThrottleCelsius,
        @DefaultValue("85") double temperatureRestartCelsius,
        @DefaultValue("90") double temperatureStopCelsius,
        @DefaultValue("80") double diskWarnPercent,
        @DefaultValue("90") double diskCleanupPercent,
        @DefaultValue("95") double diskCriticalPercent,
        @DefaultValue("97") double diskUltimaPercent,
        @DefaultValue("3") int failuresForCritical,
        @DefaultValue("3") int criticalEventsForReboot,
        @DefaultValue("llm-service") String llmService,
        @DefaultValue("n8n") String workflowService) {

    /** The values of the requirements (seed 004, 001 §2–3). */
    public static HealingThresholds defaults() {
        return new HealingThresholds(90, 90, 95, 99, 56.25, 59.375, 62.5, 83, 85, 90, 80, 90, 95, 97, 3, 3,
                "llm-service", "n8n");
    }
}
