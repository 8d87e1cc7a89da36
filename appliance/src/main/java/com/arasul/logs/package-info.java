/**
 * The logs API: the log sources (every managed service through Docker, and the appliance's own
 * rolling log), a tail, a follow as server-sent events and a bounded search.
 */
package com.arasul.logs;
