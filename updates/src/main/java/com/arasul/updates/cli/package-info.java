/**
 * The update command line ({@code scripts/arasul update ...}): make signing keys, build packages
 * and verify them with the same library the appliance uses.
 */
package com.arasul.updates.cli;
