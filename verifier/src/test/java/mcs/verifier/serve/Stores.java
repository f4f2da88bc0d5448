package mcs.verifier.serve;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import mcs.testkit.RequiredTool;
import mcs.verifier.serve.store.Database;
import mcs.verifier.serve.store.StoreLocation;

/**
 * The two stores the service runs on, for tests: an embedded H2 store in a temporary folder, and a fresh
 * database on the PostgreSQL server named by {@code MCS_TEST_POSTGRES} ({@code .ci/start-postgres}
 * starts one and prints its URL). Without that server, PostgreSQL tests skip with the reason, or fail
 * where {@code MCS_REQUIRE_TOOLS} names {@code postgres}.
 */
public final class Stores {
    public static final String ENV = "MCS_TEST_POSTGRES";
    private static final String HOW = "apt-get install postgresql, then export " + ENV + "=$(.ci/start-postgres)";

    private Stores() {}

    public static StoreLocation h2(Path dir) {
        return StoreLocation.embedded(dir, "test");
    }

    /** The server's URL, after checking that it answers; skips or fails the test otherwise. */
    public static String postgresServer() {
        String url = System.getenv(ENV);
        boolean ok = false;
        if (url != null && !url.isBlank()) {
            StoreLocation l = StoreLocation.parse(url);
            try (Connection c = DriverManager.getConnection(l.jdbcUrl(), l.properties())) {
                ok = c.isValid(5);
            } catch (SQLException e) {
                System.err.println("[postgres] " + url + " does not answer: " + e.getMessage());
            }
        }
        RequiredTool.require("postgres", ok, HOW);
        return url;
    }

    /** A new, empty database on the test server; its URL in postgresql:// form. */
    public static String freshPostgres() {
        String server = postgresServer();
        String name = "mcs_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        StoreLocation l = StoreLocation.parse(server);
        try (Connection c = DriverManager.getConnection(l.jdbcUrl(), l.properties()); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + server + ": " + e.getMessage(), e);
        }
        int q = server.indexOf('?');
        String base = q < 0 ? server : server.substring(0, q);
        String rest = q < 0 ? "" : server.substring(q);
        return base.substring(0, base.lastIndexOf('/') + 1) + name + rest;
    }

    public static Database open(StoreLocation l) {
        return Database.open(l, 8);
    }

    static Properties none() {
        return new Properties();
    }
}
