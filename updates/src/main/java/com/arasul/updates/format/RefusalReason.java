package com.arasul.updates.format;

/**
 * Why a package was refused. The constant names are stable codes that integrators and the
 * appliance's API may match on; the sentence that comes with a refusal is for people.
 */
public enum RefusalReason {
    /** The first entry is not {@code manifest.json}. */
    MANIFEST_NOT_FIRST,
    /** {@code manifest.json} is larger than 1 MiB. */
    MANIFEST_TOO_LARGE,
    /** {@code manifest.sig} does not follow {@code manifest.json}. */
    SIGNATURE_MISSING,
    /** The manifest names a key that is not among the trusted keys. */
    UNKNOWN_KEY,
    /** The signature does not match the manifest under the named key. */
    BAD_SIGNATURE,
    /** The manifest is signed but not valid JSON or misses required fields. */
    MANIFEST_INVALID,
    /** The manifest's {@code format} is not one this library reads. */
    UNSUPPORTED_FORMAT,
    /** A component has a type this library does not know. */
    UNKNOWN_COMPONENT_TYPE,
    /** A file listed in the manifest is not in the archive. */
    MISSING_ENTRY,
    /** The archive holds an entry the manifest does not list. */
    EXTRA_ENTRY,
    /** The archive holds the same path twice. */
    DUPLICATE_ENTRY,
    /** A payload entry's size differs from the manifest. */
    SIZE_MISMATCH,
    /** A payload entry's SHA-256 differs from the manifest. */
    HASH_MISMATCH,
    /** A path is absolute, contains {@code ..}, or is otherwise unsafe. */
    UNSAFE_PATH,
    /** A symbolic link entry. */
    SYMLINK,
    /** A hard link entry. */
    HARD_LINK,
    /** A character or block device, a FIFO, a sparse file or another type that is not a plain file. */
    SPECIAL_FILE,
    /** More entries than the configured limit. */
    TOO_MANY_FILES,
    /** The package is larger than the configured limit. */
    PACKAGE_TOO_LARGE,
    /** The archive is truncated or its headers are corrupt. */
    MALFORMED_ARCHIVE
}
