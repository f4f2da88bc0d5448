package mcs.verifier.serve;

import java.io.IOException;
import mcs.verifier.serve.store.StoreLocation;

/** The users' flow on the embedded H2 store. */
class ServiceFlowH2Test extends ServiceFlowTest {
    @Override
    StoreLocation store() throws IOException {
        return TestService.h2(dir.resolve("data"));
    }
}
