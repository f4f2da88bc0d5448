package mcs.verifier.serve;

import mcs.verifier.serve.store.StoreLocation;
import org.junit.jupiter.api.Tag;

/** The refusals on PostgreSQL. */
@Tag("postgres")
class ServiceSecurityPostgresTest extends ServiceSecurityTest {
    private String url;

    @Override
    StoreLocation store() {
        if (url == null) url = Stores.freshPostgres();
        return StoreLocation.parse(url);
    }
}
