package mcs.verifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordCommandTest {
    @TempDir Path tmp;

    private static Path record() {
        return Cli.examples().getParent();
    }

    @Test
    void theTinyTierVerifiesFromTheCommandLine() {
        Cli c = Cli.run("verify", "--all", record().toString(), "--tier", "tiny", "--json");
        assertEquals(ExitCodes.OK, c.code(), c.toString());
        assertTrue(c.out().contains("\"verdict\" : \"ACCEPTED\""), c.toString());
    }

    @Test
    void aFlippedByteFailsNamingTheFile() throws IOException {
        Path root = mcs.verifier.record.RecordFolders.copy(record(), tmp.resolve("r"));
        Path victim = root.resolve("tiny/permanent/perm-ones-n6-s1.cert.json");
        byte[] b = Files.readAllBytes(victim);
        b[b.length / 2] ^= 4;
        Files.write(victim, b);
        Cli c = Cli.run("verify", "--all", root.toString(), "--tier", "examples");
        assertEquals(ExitCodes.REJECTED, c.code(), c.toString());
        assertTrue(c.out().contains("FAILED  tiny/permanent/perm-ones-n6-s1.cert.json: checksum mismatch"), c.toString());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(ExitCodes.INVALID_INPUT, Cli.run("verify").code());
        assertEquals(ExitCodes.INVALID_INPUT, Cli.run("verify", "--all", tmp.resolve("nothing").toString()).code());
        assertEquals(ExitCodes.INVALID_INPUT, Cli.run("verify", "--all", record().toString(), Cli.example("perm-2x2.mtx")).code());
    }

    @Test
    void rehashWritesSumsThatVerify() throws IOException {
        Files.writeString(tmp.resolve("a.txt"), "a");
        assertEquals(ExitCodes.OK, Cli.run("record", "rehash", tmp.toString()).code());
        assertTrue(Files.readString(tmp.resolve("SHA256SUMS")).contains("  a.txt"));
    }
}
