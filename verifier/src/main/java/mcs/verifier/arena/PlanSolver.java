package mcs.verifier.arena;

import java.util.List;
import java.util.Map;

/**
 * One competitor of a plan: either an SPI solver (by its {@code mcs solvers} name, with options) or an
 * external command run as {@code CMD INSTANCE CERT_OUT} (SPEC §5 "External solvers").
 *
 * @param name display name, unique within the plan
 * @param spi SPI solver name, or null for an external command
 * @param options solver options (SPI only), passed as {@code -O KEY=VALUE}
 * @param command program and its leading arguments, or null for an SPI solver
 * @param files further files or folders an external command may read in its sandbox (absolute; the plan's
 *     optional {@code "files"}, relative to the plan's folder); empty for SPI solvers
 */
public record PlanSolver(String name, String spi, Map<String, String> options, List<String> command, List<java.nio.file.Path> files) {
    public PlanSolver {
        options = Map.copyOf(options);
        command = command == null ? null : List.copyOf(command);
        files = files == null ? List.of() : List.copyOf(files);
        if ((spi == null) == (command == null)) throw new IllegalArgumentException("a solver has exactly one of 'solver' and 'command'");
    }

    public PlanSolver(String name, String spi, Map<String, String> options, List<String> command) {
        this(name, spi, options, command, List.of());
    }

    public boolean external() {
        return command != null;
    }
}
