package com.arasul.containers.internal;

/** The daemon cannot be reached or does not answer as a Docker daemon. */
public class DockerUnavailableException extends RuntimeException {

    public DockerUnavailableException(String message) {
        super(message);
    }

    public DockerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
