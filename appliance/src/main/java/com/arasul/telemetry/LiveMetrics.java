package com.arasul.telemetry;

import java.util.Optional;

/** The newest sample, for whoever needs the state of the box now (system status, the API). */
public interface LiveMetrics {

    /** Empty until the first sample was taken. */
    Optional<MetricSample> latest();
}
