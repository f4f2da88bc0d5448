package mcs.verifier.serve;

import mcs.verifier.serve.store.StoreLocation;
import org.junit.jupiter.api.Tag;

/** The store's contract on PostgreSQL (a fresh database per test on the server of {@code MCS_TEST_POSTGRES}). */
@Tag("postgres")
class StoreContractPostgresTest extends StoreContractTest {
    private String url;

    @Override
    StoreLocation location() {
        if (url == null) url = Stores.freshPostgres();
        return StoreLocation.parse(url);
    }
}
