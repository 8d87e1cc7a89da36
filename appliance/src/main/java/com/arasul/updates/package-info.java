/**
 * Signed offline updates on the box: packages arriving by upload or USB stick are verified,
 * validated by rules, queued durably and applied step by step with automatic rollback.
 */
package com.arasul.updates;
