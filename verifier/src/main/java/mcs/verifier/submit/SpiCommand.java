package mcs.verifier.submit;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The command line of a child JVM that runs a submitted jar's solver through {@link SpiAdapter}, and the
 * files that JVM must be able to read in the sandbox: the submitted jar, mcs's own class path (the shaded
 * jar, or every entry of a build's class path including those a manifest-only jar names) and the JDK.
 */
final class SpiCommand {
    private SpiCommand() {}

    /** {@code java … -cp MCS:JAR SpiAdapter ARGS…} with a heap of {@code heapMb}. */
    static List<String> command(Path jar, int heapMb, String... adapterArgs) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heapMb + "m", "-Xss16m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path") + File.pathSeparator + jar.toAbsolutePath(), SpiAdapter.class.getName()));
        cmd.addAll(List.of(adapterArgs));
        return cmd;
    }

    /** Heap of the child JVM: what the memory limit leaves after the JVM's own needs. */
    static int heapMb(int memoryLimitMb) {
        return Math.max(64, memoryLimitMb - Math.min(256, memoryLimitMb / 4));
    }

    /** Everything the child JVM reads: the jar, the JDK, and each class path entry (manifest Class-Path included). */
    static List<Path> visible(Path jar) {
        Set<Path> out = new LinkedHashSet<>();
        out.add(jar.toAbsolutePath().normalize());
        out.add(Path.of(System.getProperty("java.home")).toAbsolutePath().normalize());
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (e.isEmpty()) continue;
            Path p = Path.of(e).toAbsolutePath().normalize();
            out.add(p);
            if (p.toString().endsWith(".jar") && Files.isRegularFile(p)) out.addAll(manifestClassPath(p));
        }
        List<Path> existing = new ArrayList<>();
        for (Path p : out) if (Files.exists(p)) existing.add(p);
        return existing;
    }

    /** Entries of a jar's manifest Class-Path (file: URLs or paths relative to the jar), as Maven's surefire writes. */
    private static List<Path> manifestClassPath(Path jar) {
        List<Path> out = new ArrayList<>();
        try (JarFile j = new JarFile(jar.toFile())) {
            Manifest m = j.getManifest();
            String cp = m == null ? null : m.getMainAttributes().getValue("Class-Path");
            if (cp == null) return out;
            for (String u : cp.trim().split("\\s+")) {
                if (u.isEmpty()) continue;
                try {
                    Path p = u.startsWith("file:") ? Path.of(java.net.URI.create(u)) : jar.getParent().resolve(java.net.URLDecoder.decode(u, "UTF-8"));
                    out.add(p.toAbsolutePath().normalize());
                } catch (RuntimeException | IOException e) {
                    // an entry that is not a local path cannot be shown to the child JVM; it will fail to load it
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }
}
