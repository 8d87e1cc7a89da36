package com.arasul.host;

/**
 * The GPU clocks of a Jetson as {@code jetson_clocks --show} tells them.
 *
 * @param powerMode the power mode's name, null when not shown
 */
public record ClockStatus(long gpuMinHz, long gpuMaxHz, long gpuCurrentHz, String powerMode) {

    /** Whether the GPU is held at its highest clock, as {@code jetson_clocks} leaves it. */
    public boolean gpuPinnedAtMax() {
        return gpuMaxHz > 0 && gpuMinHz == gpuMaxHz;
    }
}
