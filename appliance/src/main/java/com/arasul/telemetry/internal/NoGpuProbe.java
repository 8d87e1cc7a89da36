package com.arasul.telemetry.internal;

import java.util.Map;

/** A box without a GPU we can read: every GPU metric stays absent, never 0 %. */
final class NoGpuProbe implements GpuProbe {

    @Override
    public Map<String, Double> read() {
        return Map.of();
    }

    @Override
    public String name() {
        return "none";
    }
}
