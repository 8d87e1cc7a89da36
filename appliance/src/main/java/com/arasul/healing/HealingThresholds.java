package com.arasul.healing;

/**
 * The limits the healing rules compare against, inserted into every rule session as a fact so a
 * rule reads {@code HealingThresholds($max: cpuPercent)}. Percentages are 0–100; GPU memory is a
 * share of the device's total (36/38/40 GB of a 64 GB Orin are 56.25/59.375/62.5 %).
 */
public record HealingThresholds(
        double cpuPercent,
        double ramPercent,
        double gpuPercent,
        double gpuHangPercent,
        double gpuMemoryWarnPercent,
        double gpuMemoryClearPercent,
        double gpuMemoryResetPercent,
        double temperatureThrottleCelsius,
        double temperatureRestartCelsius,
        double temperatureStopCelsius,
        double diskWarnPercent,
        double diskCleanupPercent,
        double diskCriticalPercent,
        double diskUltimaPercent,
        int failuresForCritical,
        int criticalEventsForReboot,
        String llmService,
        String workflowService) {

    /** The values of the requirements (seed 004, 001 §2–3). */
    public static HealingThresholds defaults() {
        return new HealingThresholds(90, 90, 95, 99, 56.25, 59.375, 62.5, 83, 85, 90, 80, 90, 95, 97, 3, 3,
                "llm-service", "n8n");
    }
}
