/**
 * The AI services of the box (the Ollama LLM and the embedding service): their status for the
 * dashboard and the actions the healing engine takes on them (unload every model, preload the
 * default one, health), each over HTTP with a timeout and answering an outcome, never an exception.
 */
package com.arasul.ai;
