/**
 * The managed containers (those labelled {@code arasul.service}): their events and states as
 * signals, and the Docker actions on them (restart, stop + start, prune, stats, logs, image
 * load and recreate for updates), through a version-negotiating docker-java adapter.
 */
package com.arasul.containers;
