package mcs.verifier.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import java.util.TreeSet;
import mcs.verifier.serve.http.Routes;
import org.junit.jupiter.api.Test;

/** docs/openapi.json describes exactly the service's routes, and every error response is the one JSON error shape. */
class OpenApiTest {
    @Test
    void theOpenApiFileListsEveryRouteAndNoOther() throws Exception {
        JsonNode api = new ObjectMapper().readTree(TestService.REPO.resolve("docs/openapi.json").toFile());
        assertTrue(api.path("openapi").asText().startsWith("3."));
        Set<String> documented = new TreeSet<>(), served = new TreeSet<>();
        api.path("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> documented.add(m.toUpperCase() + " " + p.getKey())));
        for (String[] r : Routes.ROUTES) served.add(r[0] + " " + r[1]);
        assertEquals(served, documented);
        api.path("paths").forEach(p -> p.forEach(op -> op.path("responses").fields().forEachRemaining(r -> {
            if (r.getKey().startsWith("4") || r.getKey().startsWith("5") && !r.getKey().equals("503"))
                assertEquals("#/components/responses/Error", r.getValue().path("$ref").asText(), r.getKey() + " " + op.path("summary"));
        })));
    }
}
