package io.lodestar.engine.store;

/**
 * Storage failed: the disk, the file or the schema, or a constraint the caller should have checked
 * first. Unchecked because a caller cannot repair it per call (dnsjava's split: checked exceptions
 * for bad input, unchecked for misuse and environment). The change it interrupted was rolled back.
 */
public final class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
