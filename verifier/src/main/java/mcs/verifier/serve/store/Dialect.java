package mcs.verifier.serve.store;

/** The two stores the service runs on. Every statement is portable SQL except where the queue claims a job. */
public enum Dialect {
    /** Embedded H2 2.x, run in its PostgreSQL compatibility mode. */
    H2,
    /** PostgreSQL 12 or later. */
    POSTGRESQL
}
