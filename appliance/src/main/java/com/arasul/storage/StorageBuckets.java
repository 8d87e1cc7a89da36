package com.arasul.storage;

/** The names of the buckets the box keeps. */
public final class StorageBuckets {

    public static final String DOCUMENTS = "documents";
    public static final String WORKFLOW_DATA = "workflow-data";
    public static final String LLM_CACHE = "llm-cache";
    public static final String EMBEDDINGS_CACHE = "embeddings-cache";
    public static final String BACKUPS = "backups";
    public static final String UPDATES = "updates";

    private StorageBuckets() {
    }
}
