package com.arasul.healing;

/** What a healing rule can ask for. The rules only ask; adapters behind the safety floor act. */
public enum ActionType {
    /** Restart one container with a short stop timeout. */
    RESTART_SERVICE,
    /** Stop one container, then start it (a harder restart). */
    STOP_START_SERVICE,
    /** Stop one container and leave it stopped (e.g. the LLM service when the box overheats). */
    STOP_SERVICE,
    /** Restart every managed application service in dependency order. */
    RESTART_APP_SERVICES,
    /** Unload the LLM's models from memory (Ollama {@code keep_alive: 0}). */
    LLM_CACHE_CLEAR,
    /** Unload and reload the LLM's model, dropping its sessions. */
    LLM_SESSION_RESET,
    /** Lower the GPU clocks / power mode. */
    GPU_THROTTLE,
    /** dGPU: {@code nvidia-smi --gpu-reset}; Jetson: restart the LLM service. */
    GPU_RESET,
    /** Prune unused images, old logs, expired metrics. */
    DISK_CLEANUP,
    /** {@code VACUUM ANALYZE} on the database. */
    DB_VACUUM_ANALYZE,
    /** Reboot the host: only with the reboot switch on and at most twice an hour. */
    REBOOT_HOST,
    /** Nothing is run; the reason is recorded and shown to the owner. */
    NOTIFY
}
