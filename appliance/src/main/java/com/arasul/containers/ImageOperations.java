package com.arasul.containers;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Image handling for offline updates: load, tag, and replace a managed service's container by one
 * from another image with the same configuration, keeping the old one until it is discarded so a
 * rollback is only a rename and a start. Every step may be repeated after a crash.
 */
public interface ImageOperations {

    /** {@code docker load} of a {@code docker save} tar, plain or gzip; answers the loaded references. */
    LoadResult load(InputStream tar);

    ActionResult tag(String image, String repository, String tag);

    /** The image's id ({@code sha256:...}), empty when there is no such image. */
    Optional<String> imageId(String image);

    /**
     * Stops the service's container, keeps it under a retired name, creates a new one from
     * {@code image} with the old configuration and starts it. Repeating it after success does nothing.
     */
    ActionResult recreateWithImage(String service, String image);

    /** Puts the retired container back in place of the current one and starts it. */
    ActionResult rollback(String service);

    /** Removes the retired container once the update is committed. */
    ActionResult discardPrevious(String service);

    /** @param images the references Docker reported ({@code name:tag}, or an id for untagged images) */
    record LoadResult(ActionResult result, List<String> images) {

        public LoadResult {
            images = List.copyOf(images);
        }
    }
}
