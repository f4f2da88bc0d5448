package mcs.problems.io;

import java.nio.file.Path;
import mcs.problems.instance.Instance;

/**
 * An instance with the identity certificates refer to.
 *
 * @param sha256 lower-case hex SHA-256 of the file's bytes (for MC2 the descriptor's bytes)
 */
public record LoadedInstance(Instance instance, String sha256, Path path) {}
