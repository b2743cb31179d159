package dev.cairn.spring;

import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationSource;
import java.util.List;

/** A second migration set on the class path, as another jar of the application might bring. */
public final class OtherRegistry implements MigrationSource {

    @Override
    public List<MigrationDescriptor> migrations() {
        return List.of();
    }
}
