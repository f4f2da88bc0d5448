package mcs.verifier.serve.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's JDBC store: a HikariCP pool over H2 or PostgreSQL, migrated by Flyway at open
 * ({@code db/migration/V*.sql}, the same scripts for both). Work is done in {@link #tx} (one transaction,
 * retried on the transient failures a concurrent store reports: serialization failures, deadlocks, lock
 * timeouts, a lost connection) or {@link #read}. Every statement in this package is a
 * {@link java.sql.PreparedStatement} with bound parameters: no request data is ever part of SQL text.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final int ATTEMPTS = 5;

    /** A unit of work on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final HikariDataSource pool;
    private final StoreLocation location;

    private Database(HikariDataSource pool, StoreLocation location) {
        this.pool = pool;
        this.location = location;
    }

    /**
     * Opens the pool and brings the schema up to date.
     *
     * @param poolSize connections kept (the service uses about one per worker plus a few for requests)
     */
    public static Database open(StoreLocation location, int poolSize) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(location.jdbcUrl());
        c.setDataSourceProperties(location.properties());
        c.setMaximumPoolSize(poolSize);
        c.setMinimumIdle(poolSize); // a fixed pool (HikariCP's advice): no connection is made while a request waits
        c.setPoolName("mcs-store");
        // A store that is away (PostgreSQL restarting) makes a request wait at most this long, then fail
        // with 503; the workers retry.
        c.setConnectionTimeout(5_000);
        c.setInitializationFailTimeout(30_000);
        c.setAutoCommit(true);
        HikariDataSource ds = new HikariDataSource(c);
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        LOG.atDebug().addKeyValue("store", location.display()).log("store ready");
        return new Database(ds, location);
    }

    public Dialect dialect() {
        return location.dialect();
    }

    public String display() {
        return location.display();
    }

    /** Runs {@code work} in one transaction, committed when it returns, retried on transient failures. */
    public <T> T tx(Work<T> work) {
        return retrying(() -> {
            try (Connection c = pool.getConnection()) {
                c.setAutoCommit(false);
                try {
                    T t = work.run(c);
                    c.commit();
                    return t;
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(c);
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            }
        });
    }

    /** Runs {@code work} with auto-commit (each statement its own transaction), retried on transient failures. */
    public <T> T read(Work<T> work) {
        return retrying(() -> {
            try (Connection c = pool.getConnection()) {
                return work.run(c);
            }
        });
    }

    private interface Attempt<T> {
        T run() throws SQLException;
    }

    private <T> T retrying(Attempt<T> a) {
        SQLException last = null;
        for (int k = 0; k < ATTEMPTS; k++) {
            try {
                return a.run();
            } catch (SQLException e) {
                if (!transient_(e)) throw new StoreException(e);
                last = e;
                sleep(50L << k);
            }
        }
        throw new StoreException(last);
    }

    /** Serialization failure, deadlock, lock timeout, or a connection that is gone or could not be had. */
    static boolean transient_(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientException || t instanceof java.sql.SQLRecoverableException) return true;
            if (t instanceof SQLException s) {
                String state = s.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("40") || state.startsWith("57P") || state.equals("HYT00"))) return true;
            }
        }
        return false;
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // The connection is broken; the pool discards it and the transaction is gone with it.
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(new SQLException("interrupted", "08000"));
        }
    }

    /** Whether the store answers now (for /health). */
    public boolean alive() {
        try (Connection c = pool.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** For callers that want a value or a default when the store is away. */
    public <T> T orElse(Supplier<T> value, T dflt) {
        try {
            return value.get();
        } catch (StoreException e) {
            return dflt;
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
