package com.arasul.containers.internal;

import com.arasul.containers.ActionResult;
import com.arasul.containers.ImageOperations;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.LoadResponseItem;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code docker load}, tag and inspect for updates; recreate and rollback go to {@link ContainerRecreator}. */
public final class DockerImageOperations implements ImageOperations {

    private static final String LOADED_IMAGE = "Loaded image: ";
    private static final String LOADED_IMAGE_ID = "Loaded image ID: ";

    private final DockerConnection docker;
    private final ContainerRecreator recreator;

    public DockerImageOperations(DockerConnection docker, ContainerRecreator recreator) {
        this.docker = docker;
        this.recreator = recreator;
    }

    @Override
    public LoadResult load(InputStream tar) {
        List<String> images = new ArrayList<>();
        // the daemon unpacks gzip itself; the stream goes through unread by us
        ActionResult result = Timed.run("docker load", () -> {
            var callback = docker.loadClient().loadImageAsyncCmd(tar).exec(new ResultCallback.Adapter<LoadResponseItem>() {
                @Override
                public void onNext(LoadResponseItem item) {
                    if (item.isErrorIndicated()) {
                        onError(new IllegalStateException(item.getErrorDetail() != null
                                ? item.getErrorDetail().getMessage() : item.getError()));
                        return;
                    }
                    loaded(item.getStream()).ifPresent(images::add);
                }
            });
            try {
                callback.awaitCompletion();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while loading", e);
            }
            if (images.isEmpty()) {
                throw new IllegalStateException("Docker loaded no image from the file");
            }
            return "loaded " + String.join(", ", images);
        });
        return new LoadResult(result, result.success() ? images : List.of());
    }

    static Optional<String> loaded(String line) {
        if (line == null) {
            return Optional.empty();
        }
        String trimmed = line.trim();
        if (trimmed.startsWith(LOADED_IMAGE_ID)) {
            return Optional.of(trimmed.substring(LOADED_IMAGE_ID.length()).trim());
        }
        if (trimmed.startsWith(LOADED_IMAGE)) {
            return Optional.of(trimmed.substring(LOADED_IMAGE.length()).trim());
        }
        return Optional.empty();
    }

    @Override
    public ActionResult tag(String image, String repository, String tag) {
        return Timed.run("tag of " + image, () -> {
            docker.client().tagImageCmd(image, repository, tag).withForce(true).exec();
            return "tagged " + image + " as " + repository + ":" + tag;
        });
    }

    @Override
    public Optional<String> imageId(String image) {
        try {
            return Optional.ofNullable(docker.client().inspectImageCmd(image).exec().getId());
        } catch (NotFoundException none) {
            return Optional.empty();
        }
    }

    @Override
    public ActionResult recreateWithImage(String service, String image) {
        return Timed.run("recreate of " + service, () -> recreator.recreate(service, image));
    }

    @Override
    public ActionResult rollback(String service) {
        return Timed.run("rollback of " + service, () -> recreator.rollback(service));
    }

    @Override
    public ActionResult discardPrevious(String service) {
        return Timed.run("discard of the previous " + service, () -> recreator.discard(service));
    }
}
