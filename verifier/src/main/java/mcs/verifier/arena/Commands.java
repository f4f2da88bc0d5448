package mcs.verifier.arena;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Resolution of an external competitor's program: relative paths with a '/' against the plan's folder, bare names on PATH. */
final class Commands {
    private Commands() {}

    static List<String> resolve(Path base, List<String> command) {
        List<String> out = new ArrayList<>(command);
        String prog = command.get(0);
        if (prog.contains("/")) {
            Path p = Path.of(prog);
            if (!p.isAbsolute()) out.set(0, base.resolve(p).normalize().toString());
        } else {
            String path = System.getenv("PATH");
            if (path != null) {
                for (String dir : path.split(java.io.File.pathSeparator)) {
                    Path c = Path.of(dir).resolve(prog);
                    if (Files.isExecutable(c) && Files.isRegularFile(c)) {
                        out.set(0, c.toString());
                        break;
                    }
                }
            }
        }
        return out;
    }
}
