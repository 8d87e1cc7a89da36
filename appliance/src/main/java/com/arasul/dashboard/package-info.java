/**
 * The dashboard's files (built by the {@code ui} module into {@code META-INF/resources}) served at
 * {@code /}: hashed assets cached for a year, the index never, and every client route of the
 * single-page application answered with the index.
 */
package com.arasul.dashboard;
