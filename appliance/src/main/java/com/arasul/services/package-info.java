/**
 * The services API: each managed service with its state, health, restarts, uptime and use, whether
 * it needs attention, and a restart the owner asks for. Reads containers and healing through their
 * published types.
 */
package com.arasul.services;
