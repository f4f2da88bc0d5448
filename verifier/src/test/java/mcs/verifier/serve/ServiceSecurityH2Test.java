package mcs.verifier.serve;

import java.io.IOException;
import mcs.verifier.serve.store.StoreLocation;

/** The refusals on the embedded H2 store. */
class ServiceSecurityH2Test extends ServiceSecurityTest {
    @Override
    StoreLocation store() throws IOException {
        return TestService.h2(dir.resolve("data"));
    }
}
