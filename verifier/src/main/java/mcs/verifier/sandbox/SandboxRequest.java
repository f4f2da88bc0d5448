package mcs.verifier.sandbox;

import java.nio.file.Path;
import java.util.List;

/**
 * One untrusted run, as given to {@link Sandbox#run}.
 *
 * @param command the program and its leading arguments; the program is an absolute path or a name found on
 *     the judge's PATH
 * @param instance the instance file, or null: when given, the run is {@code COMMAND… INSTANCE CERT_OUT}
 *     (SPEC §5) and the instance is visible read-only; when null, just {@code COMMAND…}
 * @param visible further files or folders the run may read (read-only), e.g. a jar or a class path; the
 *     program's folder and every argument naming an existing path are added by the launcher
 * @param limits resource limits
 * @param isolation {@link Isolation#BWRAP} unless the caller was told {@code --isolation none}
 * @param label a short name for scratch folders and messages (e.g. the run id)
 */
public record SandboxRequest(List<String> command, Path instance, List<Path> visible, Limits limits, Isolation isolation, String label) {
    public SandboxRequest {
        command = List.copyOf(command);
        visible = List.copyOf(visible);
        if (command.isEmpty()) throw new IllegalArgumentException("empty command");
    }
}
