/**
 * The box as its owner sees it: overall status with reasons, version and platform facts, network
 * addresses and reachability; also the appliance's own housekeeping (retention) and how it starts
 * and stops on bad configuration.
 */
package com.arasul.system;
