package mcs.verifier.cli;

import java.io.IOException;
import java.nio.file.Path;
import mcs.verifier.serve.Service;
import mcs.verifier.serve.store.StoreLocation;
import picocli.CommandLine.Option;

/** {@code --data DIR} and {@code --db URL}: where the service's store is (shared by serve, user and worker). */
final class StoreOptions {
    @Option(names = "--data", paramLabel = "DIR", defaultValue = "mcs-data",
            description = "The service's folder: the embedded store (when --db is not given), the blob store and scratch space. Default: ./${DEFAULT-VALUE}.")
    Path data;

    @Option(names = "--db", paramLabel = "URL",
            description = "A PostgreSQL store instead of the embedded one: postgresql://USER[:PASSWORD]@HOST:PORT/DATABASE (or PGPASSWORD in the environment).")
    String db;

    StoreLocation location() throws IOException {
        if (db != null) {
            try {
                return StoreLocation.parse(db);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        return StoreLocation.embedded(data, Service.embeddedPassword(data));
    }
}
