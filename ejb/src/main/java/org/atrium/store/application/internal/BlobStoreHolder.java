package org.atrium.store.application.internal;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.atrium.store.application.Settings;
import org.atrium.store.domain.BlobStore;
import org.atrium.store.infrastructure.blob.FileBlobStore;

/** The application's one blob store, in {@code <data dir>/blobs}. */
@ApplicationScoped
public class BlobStoreHolder {

    @Inject
    Settings settings;

    private BlobStore store;

    @PostConstruct
    void init() {
        try {
            store = new FileBlobStore(settings.dataDir().resolve("blobs"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the blob store in " + settings.dataDir(), e);
        }
    }

    public BlobStore get() {
        return store;
    }
}
