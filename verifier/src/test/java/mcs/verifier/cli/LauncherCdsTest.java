package mcs.verifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher {@code ./mcs} and its start-up archive (static AppCDS, bench/RESULTS-startup.md): the archive is
 * written on first use, mapped by later runs, replaced when the jar changes, and a truncated, damaged or
 * unwritable archive never changes what a run prints or its exit code. The real launcher script runs on a
 * copy of the tree with a small jar in place of the shaded one (the shaded jar does not exist yet when the
 * tests run), whose {@code mcs.verifier.cli.CdsTraining} stands in for the training run.
 */
class LauncherCdsTest {
    @TempDir Path tmp;
    Path root;
    Path jar;
    Path cds;

    @BeforeEach
    void tree() throws IOException {
        root = tmp.resolve("tree");
        jar = root.resolve("verifier/target/mcs.jar");
        cds = root.resolve("verifier/target/cds");
        Files.createDirectories(jar.getParent());
        Path launcher = Path.of("..", "mcs").toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(launcher), "launcher at " + launcher);
        Files.copy(launcher, root.resolve("mcs"));
        root.resolve("mcs").toFile().setExecutable(true);
        writeJar(true);
    }

    /** Stands in for the real main class, which the launcher names ({@code -cp JAR mcs.verifier.cli.Main}). */
    private static final String HELLO = "package mcs.verifier.cli; public class Main { public static void main(String[] a) {"
            + " System.out.println(\"hello \" + String.join(\" \", a)); } }";
    private static final String TRAINING = "package mcs.verifier.cli; public class CdsTraining {"
            + " public static void main(String[] a) { Main.main(a); } }";
    private static final String MAIN_LOADED = "mcs.verifier.cli.Main source: ";

    /** A jar whose main class prints hello; with {@code training}, also the training class the launcher runs. */
    private void writeJar(boolean training) throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Path out = Files.createDirectories(tmp.resolve("classes-" + System.nanoTime()));
        List<String> files = new ArrayList<>();
        Files.writeString(src.resolve("Main.java"), HELLO);
        files.add(src.resolve("Main.java").toString());
        if (training) {
            Files.writeString(src.resolve("CdsTraining.java"), TRAINING);
            files.add(src.resolve("CdsTraining.java").toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "--release", "17"));
        args.addAll(files);
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)));
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "mcs.verifier.cli.Main");
        try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(jar), mf);
                Stream<Path> classes = Files.walk(out)) {
            for (Path c : classes.filter(Files::isRegularFile).toList()) {
                j.putNextEntry(new JarEntry(out.relativize(c).toString().replace('\\', '/')));
                j.write(Files.readAllBytes(c));
                j.closeEntry();
            }
        }
    }

    record Run(int code, String out, String err) {}

    private Run run(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(root.resolve("mcs").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
        pb.environment().remove("MCS_JAVA_OPTS");
        pb.environment().remove("MCS_NO_CDS");
        pb.environment().put("HOME", tmp.resolve("home").toString());
        pb.environment().put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        pb.environment().putAll(env);
        Path o = tmp.resolve("out.txt");
        Path e = tmp.resolve("err.txt");
        pb.redirectOutput(o.toFile()).redirectError(e.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "launcher finished");
        return new Run(p.exitValue(), Files.readString(o), Files.readString(e));
    }

    private Run run(String... args) throws Exception {
        return run(Map.of(), args);
    }

    private List<Path> archives() throws IOException {
        if (!Files.isDirectory(cds)) return List.of();
        try (Stream<Path> s = Files.list(cds)) {
            return s.filter(p -> p.getFileName().toString().matches("mcs-.*\\.jsa")).sorted().toList();
        }
    }

    /** Whether a run maps the archive: Main, which only the archive written for this jar holds, comes from it. */
    private boolean helloFromArchive() throws Exception {
        Path log = tmp.resolve("classes.log");
        Files.deleteIfExists(log);
        Run r = run(Map.of("MCS_JAVA_OPTS", "-Xlog:class+load=info:file=" + log), "x");
        assertEquals(new Run(0, "hello x\n", ""), r);
        String classes = Files.readString(log);
        assertTrue(classes.contains(MAIN_LOADED), classes);
        return classes.contains(MAIN_LOADED + "shared objects file");
    }

    private static void assertPlain(Run r) {
        assertEquals(0, r.code(), r.err());
        assertEquals("hello a b\n", r.out(), "stdout carries only the program's output");
    }

    @Test
    void firstRunWritesTheArchiveAndLaterRunsMapIt() throws Exception {
        Run first = run("a", "b");
        assertPlain(first);
        assertTrue(first.err().contains("writing the start-up archive"), first.err());
        List<Path> a = archives();
        assertEquals(1, a.size(), a.toString());
        // The name ends in the archive's size, which the launcher checks before it maps the file.
        String name = a.get(0).getFileName().toString();
        assertTrue(name.endsWith("-" + Files.size(a.get(0)) + ".jsa"), name);

        Run second = run("a", "b");
        assertEquals(new Run(0, "hello a b\n", ""), second);
        assertTrue(helloFromArchive());
        assertEquals(a, archives(), "no new archive for the same jar");
    }

    @Test
    void aNewJarGetsANewArchiveAndTheOldOneGoes() throws Exception {
        assertPlain(run("a", "b"));
        List<Path> before = archives();
        assertEquals(1, before.size());
        writeJar(true);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 10_000));
        Run r = run("a", "b");
        assertPlain(r);
        assertTrue(r.err().contains("writing the start-up archive"), r.err());
        List<Path> after = archives();
        assertEquals(1, after.size(), after.toString());
        assertNotEquals(before, after);
        assertTrue(helloFromArchive());
    }

    @Test
    void aTruncatedArchiveIsNeverMappedAndIsReplaced() throws Exception {
        assertPlain(run("a", "b"));
        Path a = archives().get(0);
        a.toFile().setWritable(true);
        try (RandomAccessFile f = new RandomAccessFile(a.toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
        Run r = run("a", "b");
        assertPlain(r);
        assertTrue(r.err().contains("writing the start-up archive"), r.err());
        List<Path> now = archives();
        assertEquals(1, now.size(), now.toString());
        assertTrue(now.get(0).getFileName().toString().endsWith("-" + Files.size(now.get(0)) + ".jsa"), now.toString());
        assertTrue(helloFromArchive());
    }

    @Test
    void anArchiveWithADamagedHeaderIsIgnoredWithoutAWord() throws Exception {
        assertPlain(run("a", "b"));
        Path a = archives().get(0);
        a.toFile().setWritable(true);
        try (OutputStream o = Files.newOutputStream(a, java.nio.file.StandardOpenOption.WRITE)) {
            o.write(new byte[4096]); // same size, so the launcher passes it on; the JVM rejects its header
        }
        for (int i = 0; i < 2; i++) {
            Run r = run("a", "b");
            assertEquals(new Run(0, "hello a b\n", ""), r);
        }
        assertFalse(helloFromArchive());
    }

    @Test
    void aFailedTrainingIsRememberedAndRunsGoOnWithoutAnArchive() throws Exception {
        writeJar(false); // no training class: the training run fails
        Run first = run("a", "b");
        assertPlain(first);
        assertTrue(first.err().contains("writing the start-up archive"), first.err());
        assertEquals(List.of(), archives());
        try (Stream<Path> s = Files.list(cds)) {
            List<String> names = s.map(p -> p.getFileName().toString()).toList();
            assertEquals(1, names.size(), names.toString());
            assertTrue(names.get(0).endsWith(".failed"), names.toString());
        }
        Run second = run("a", "b");
        assertEquals(new Run(0, "hello a b\n", ""), second, "no second attempt for the same jar");
        for (Path dir : List.of(tmp, root)) {
            try (Stream<Path> s = Files.list(dir)) {
                assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith("hs_err")), "no JVM crash file left");
            }
        }
    }

    @Test
    void mcsNoCdsTurnsItOff() throws Exception {
        Run r = run(Map.of("MCS_NO_CDS", "1"), "a", "b");
        assertEquals(new Run(0, "hello a b\n", ""), r);
        assertFalse(Files.exists(cds));
    }

    @Test
    void theArchiveMapsWhatTheLauncherPassesForTheHeapToo() throws Exception {
        assertPlain(run("a", "b"));
        // MCS_JAVA_OPTS comes after the launcher's options: a user's heap size still maps the archive.
        Path log = tmp.resolve("classes-xmx.log");
        Run r = run(Map.of("MCS_JAVA_OPTS", "-Xmx256m -Xlog:class+load=info:file=" + log), "x");
        assertEquals(new Run(0, "hello x\n", ""), r);
        assertTrue(Files.readString(log).contains(MAIN_LOADED + "shared objects file"));
    }
}
