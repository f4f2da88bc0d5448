package mcs.verifier.serve;

import mcs.verifier.serve.store.StoreLocation;
import org.junit.jupiter.api.Tag;

/** The users' flow on PostgreSQL. */
@Tag("postgres")
class ServiceFlowPostgresTest extends ServiceFlowTest {
    private String url;

    @Override
    StoreLocation store() {
        if (url == null) url = Stores.freshPostgres();
        return StoreLocation.parse(url);
    }
}
