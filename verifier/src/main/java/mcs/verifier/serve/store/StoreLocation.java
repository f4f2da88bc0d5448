package mcs.verifier.serve.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where the store lives: the embedded H2 database in {@code DATA/db} (the default, nothing to install), or
 * a PostgreSQL server named by {@code --db postgresql://USER:PASSWORD@HOST:PORT/DATABASE?OPTIONS}.
 * {@code jdbc:postgresql:} URLs are accepted as well. The password may also come from the environment
 * variable {@code PGPASSWORD}, so that it need not appear on a command line.
 *
 * @param jdbcUrl the JDBC URL without credentials
 * @param properties user and password for the driver
 * @param display the location for messages, never with the password
 */
public record StoreLocation(Dialect dialect, String jdbcUrl, Properties properties, String display) {
    static {
        // The embedded store's AUTO_SERVER listens for the other local processes (mcs serve user, mcs worker);
        // H2 would accept connections from other hosts too (still needing the key in DATA/db and the password):
        // keep it on loopback. Set before any H2 class reads its system properties.
        if (System.getProperty("h2.bindAddress") == null) System.setProperty("h2.bindAddress", "127.0.0.1");
    }

    /** The embedded store under {@code dataDir}; its database password is kept in {@code DATA/db.secret}. */
    public static StoreLocation embedded(Path dataDir, String password) {
        Path file = dataDir.toAbsolutePath().normalize().resolve("db").resolve("mcs");
        // AUTO_SERVER: the first process opens the file and serves it on a loopback port, so that
        // `mcs serve user add` works while the service runs. WRITE_DELAY=0: a commit is written at once,
        // so an acknowledged submission survives a kill -9 of the service.
        String url = "jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE;WRITE_DELAY=0;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000";
        Properties p = new Properties();
        p.setProperty("user", "mcs");
        p.setProperty("password", password);
        return new StoreLocation(Dialect.H2, url, p, "embedded H2 store in " + dataDir.toAbsolutePath().normalize().resolve("db"));
    }

    /**
     * Parses {@code --db}.
     *
     * @throws IllegalArgumentException naming what is wrong with the URL
     */
    public static StoreLocation parse(String db) {
        if (db.startsWith("jdbc:postgresql:")) {
            Properties p = new Properties();
            String pw = System.getenv("PGPASSWORD");
            if (pw != null && !db.contains("password=")) p.setProperty("password", pw);
            return new StoreLocation(Dialect.POSTGRESQL, db, p, db.replaceAll("password=[^&]*", "password=***"));
        }
        if (!db.startsWith("postgresql://") && !db.startsWith("postgres://"))
            throw new IllegalArgumentException("--db: expected postgresql://USER@HOST:PORT/DATABASE, got '" + db.replaceAll(":[^:@/]*@", ":***@") + "'");
        URI u;
        try {
            u = new URI(db);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--db: not a URL: " + e.getReason());
        }
        if (u.getHost() == null) throw new IllegalArgumentException("--db: no host in the URL");
        String database = u.getPath() == null || u.getPath().length() <= 1 ? "postgres" : u.getPath().substring(1);
        Properties p = new Properties();
        if (u.getRawUserInfo() != null) {
            String[] ui = u.getRawUserInfo().split(":", 2);
            p.setProperty("user", decode(ui[0]));
            if (ui.length > 1) p.setProperty("password", decode(ui[1]));
        }
        if (!p.containsKey("password") && System.getenv("PGPASSWORD") != null) p.setProperty("password", System.getenv("PGPASSWORD"));
        String url = "jdbc:postgresql://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "") + "/" + database
                + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
        String display = "postgresql://" + (p.containsKey("user") ? p.getProperty("user") + "@" : "") + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "") + "/" + database;
        return new StoreLocation(Dialect.POSTGRESQL, url, p, display);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
