package mcs.verifier.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mcs.problems.io.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A descriptor names what its solver's sandbox shows: only the submission's own files (inside the
 * descriptor's folder, links resolved) and the system. It cannot ask the judge to show {@code /root},
 * {@code /etc/shadow} or a folder beside its own.
 */
class SubmissionPathsTest {
    @TempDir Path tmp;

    private Path descriptor(String solver) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("sub"));
        Files.writeString(dir.resolve("run.sh"), "#!/bin/sh\n");
        Files.writeString(dir.resolve("s.jar"), "PK");
        Files.createDirectories(tmp.resolve("beside"));
        Path d = dir.resolve("submission.json");
        Files.writeString(d, "{\"format\": \"mcs-submission/1\", \"submitter\": {\"name\": \"m\"},\n \"solver\": " + solver + "}\n");
        return d;
    }

    private InputException refused(String solver) throws IOException {
        Path d = descriptor(solver);
        InputException e = assertThrows(InputException.class, () -> Submission.read(d));
        assertEquals(2, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("outside the submission's folder"), e.getMessage());
        return e;
    }

    @Test
    void ownFilesAndTheSystemAreFine() throws IOException {
        Submission s = Submission.read(descriptor("{\"name\": \"x\", \"command\": [\"/usr/bin/env\", \"run.sh\"], \"files\": [\"s.jar\"]}"));
        assertEquals(List.of("/usr/bin/env", tmp.resolve("sub/run.sh").toString()), s.solver().command());
        assertEquals(List.of(tmp.resolve("sub/s.jar")), s.solver().files());
    }

    @Test
    void filesArgumentsAndJarsOutsideTheFolderAreRefused() throws IOException {
        refused("{\"name\": \"x\", \"command\": [\"run.sh\"], \"files\": [\"/etc\"]}");
        refused("{\"name\": \"x\", \"command\": [\"run.sh\", \"/root\"]}");
        refused("{\"name\": \"x\", \"command\": [\"run.sh\", \"../beside\"]}");
        refused("{\"name\": \"x\", \"jar\": \"../sub/../beside\", \"spi_name\": \"y\"}");
        refused("{\"name\": \"x\", \"command\": [\"/bin/cat\", \"/\"]}");
    }

    @Test
    void aLinkInsideTheFolderPointingOutIsRefused() throws IOException {
        Path d = descriptor("{\"name\": \"x\", \"command\": [\"run.sh\"], \"files\": [\"secrets\"]}");
        Files.createSymbolicLink(d.getParent().resolve("secrets"), tmp.resolve("beside"));
        InputException e = assertThrows(InputException.class, () -> Submission.read(d));
        assertTrue(e.getMessage().contains("outside the submission's folder"), e.getMessage());
    }
}
