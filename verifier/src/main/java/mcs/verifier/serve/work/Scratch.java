package mcs.verifier.serve.work;

import java.io.IOException;
import java.nio.file.Path;

/** Scratch folders of the service, removed when done. */
public final class Scratch {
    private Scratch() {}

    public static void delete(Path dir) {
        try {
            JobExecutor.delete(dir);
        } catch (IOException ignored) {
            // Left-overs in the scratch folder are removed at the next start.
        }
    }
}
