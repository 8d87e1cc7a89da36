/**
 * Workflows: what n8n ran, when and how it ended. Executions arrive through two doors, a poll of
 * n8n's public API and a push from the workflows themselves, and land once each in
 * {@code workflow_activity}; the dashboard reads summaries and statistics of them, and n8n's health
 * goes to the healing rules.
 */
package com.arasul.workflows;
