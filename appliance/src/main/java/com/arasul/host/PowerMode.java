package com.arasul.host;

/** A Jetson power mode as {@code nvpmodel -q} tells it, e.g. {@code MAXN} with id 0. */
public record PowerMode(String name, int id) {
}
