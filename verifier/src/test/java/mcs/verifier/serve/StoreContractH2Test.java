package mcs.verifier.serve;

import mcs.verifier.serve.store.StoreLocation;

/** The store's contract on the embedded H2 store. */
class StoreContractH2Test extends StoreContractTest {
    @Override
    StoreLocation location() {
        return Stores.h2(dir.resolve("data"));
    }
}
