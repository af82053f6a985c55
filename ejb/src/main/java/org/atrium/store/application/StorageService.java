package org.atrium.store.application;

import jakarta.ejb.Local;

/** How much storage the store uses (issue #6, {@code GET /api/v1/status}). */
@Local
public interface StorageService {

    /** Three aggregate queries; no per-account work. */
    StorageUsage usage();
}
