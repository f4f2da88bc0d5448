package mcs.verifier.arena;

import java.nio.file.Path;

/**
 * One instance of a competition.
 *
 * @param name stable name used in results: the path relative to the plan's folder, or for family
 *     instances {@code FAMILY-nN-sSEED} (plus the parameters), so that shards written to different
 *     folders agree
 * @param path the file solvers read
 * @param sha256 lower-case hex SHA-256 of the file (the descriptor for MC2)
 * @param known the known verdict (COMPLETABLE, NOT_COMPLETABLE, SOLVED) or null when unknown
 */
public record ArenaInstance(String name, Path path, String sha256, String known) {}
