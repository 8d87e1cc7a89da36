package com.arasul.updates.format;

/** One part of an update; {@link #type()} is the value of the manifest's {@code type} field. */
public sealed interface Component {

    String type();

    /**
     * A container image for one managed service.
     *
     * @param service the service whose container runs this image
     * @param file    payload path of a {@code docker save} tar, optionally gzip-compressed
     */
    record Image(String service, String file) implements Component {
        public static final String TYPE = "image";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** @param dir payload folder holding a Liquibase changelog */
    record Migrations(String dir) implements Component {
        public static final String TYPE = "migrations";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** @param dir payload folder holding {@code .drl} files */
    record Rules(String dir) implements Component {
        public static final String TYPE = "rules";

        @Override
        public String type() {
            return TYPE;
        }
    }
}
