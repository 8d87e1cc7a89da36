package com.arasul.updates.format;

import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.tar.TarUtils;

/**
 * A tar reader that refuses oversized metadata entries (pax headers, GNU long names) before
 * commons-compress reads them into memory, so memory stays bounded whatever the archive says.
 */
final class GuardedTarInputStream extends TarArchiveInputStream {

    static final int MAX_METADATA_BYTES = 64 * 1024;
    // ustar header layout: name 100, mode 8, uid 8, gid 8, then the 12-byte size field.
    private static final int SIZE_OFFSET = 124;

    GuardedTarInputStream(InputStream in) {
        super(in);
    }

    @Override
    protected byte[] readRecord() throws IOException {
        byte[] record = super.readRecord();
        if (record != null && record.length > TarConstants.LF_OFFSET && !isEOFRecord(record)) {
            guard(record);
        }
        return record;
    }

    private static void guard(byte[] header) throws RefusalSignal {
        byte type = header[TarConstants.LF_OFFSET];
        boolean metadata = type == TarConstants.LF_PAX_EXTENDED_HEADER_LC
                || type == TarConstants.LF_PAX_EXTENDED_HEADER_UC
                || type == TarConstants.LF_PAX_GLOBAL_EXTENDED_HEADER
                || type == TarConstants.LF_GNUTYPE_LONGNAME
                || type == TarConstants.LF_GNUTYPE_LONGLINK;
        if (!metadata) return;
        long size;
        try {
            size = TarUtils.parseOctalOrBinary(header, SIZE_OFFSET, TarConstants.SIZELEN);
        } catch (IllegalArgumentException e) {
            throw new RefusalSignal(RefusalReason.MALFORMED_ARCHIVE, "The package has a corrupt extended header.");
        }
        if (size < 0 || size > MAX_METADATA_BYTES) {
            throw new RefusalSignal(RefusalReason.MALFORMED_ARCHIVE,
                    "The package has an extended header of " + size + " bytes; at most " + MAX_METADATA_BYTES + " are allowed.");
        }
    }
}
