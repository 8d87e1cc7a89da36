/**
 * Host and GPU metrics: sampled every second onto the {@code metricSamples} channel, shown live,
 * aggregated into 30-second rows and handed to whoever subscribes (the healing engine).
 */
package com.arasul.telemetry;
