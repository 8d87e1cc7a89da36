/**
 * The GPU and the host itself: GPU reset, Jetson clocks and power modes, and the reboot, each run
 * through the platform's {@code CommandRunner} with a timeout, answered as an outcome, and refused
 * with "not supported on this device" where the tool does not exist.
 */
package com.arasul.host;
