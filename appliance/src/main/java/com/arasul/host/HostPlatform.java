package com.arasul.host;

/** Which kind of NVIDIA device the appliance runs on, which decides the GPU commands it has. */
public enum HostPlatform {

    /** A Jetson module: the GPU is part of the SoC; {@code jetson_clocks} and {@code nvpmodel} exist. */
    JETSON,

    /** A discrete NVIDIA GPU with its driver; {@code nvidia-smi} exists. */
    DGPU,

    /** No NVIDIA GPU found. */
    NONE
}
