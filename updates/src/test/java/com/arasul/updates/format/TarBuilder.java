package com.arasul.updates.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Writes tars entry by entry, including the kinds of entries a package must never hold. */
final class TarBuilder {

    private static final FileTime MTIME = FileTime.from(Instant.parse("2026-01-31T12:00:00Z"));
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes);

    TarBuilder() {
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    }

    TarBuilder file(String name, byte[] content) {
        return file(name, content, e -> { });
    }

    TarBuilder file(String name, byte[] content, Consumer<TarArchiveEntry> tweak) {
        TarArchiveEntry e = new TarArchiveEntry(name, true);
        e.setSize(content.length);
        tweak.accept(e);
        return put(e, content);
    }

    /** A file entry whose header claims {@code declaredSize} but whose data is {@code content}, padded with zeros. */
    TarBuilder fileClaimingSize(String name, byte[] content, long declaredSize) {
        TarArchiveEntry e = new TarArchiveEntry(name, true);
        e.setSize(declaredSize);
        byte[] data = new byte[(int) declaredSize];
        System.arraycopy(content, 0, data, 0, (int) Math.min(content.length, declaredSize));
        return put(e, data);
    }

    TarBuilder folder(String name) {
        return put(new TarArchiveEntry(name.endsWith("/") ? name : name + "/", true), new byte[0]);
    }

    TarBuilder special(String name, byte linkFlag, String linkTarget) {
        TarArchiveEntry e = new TarArchiveEntry(name, linkFlag, true);
        if (linkTarget != null) e.setLinkName(linkTarget);
        return put(e, new byte[0]);
    }

    TarBuilder symlink(String name, String target) {
        return special(name, TarConstants.LF_SYMLINK, target);
    }

    TarBuilder hardLink(String name, String target) {
        return special(name, TarConstants.LF_LINK, target);
    }

    private TarBuilder put(TarArchiveEntry e, byte[] content) {
        // Whole seconds, so that no pax header is added and entries sit where tests expect them.
        e.setModTime(MTIME);
        try {
            tar.putArchiveEntry(e);
            tar.write(content);
            tar.closeArchiveEntry();
            return this;
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    byte[] bytes() {
        try {
            tar.finish();
            tar.close();
            return bytes.toByteArray();
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }
}
