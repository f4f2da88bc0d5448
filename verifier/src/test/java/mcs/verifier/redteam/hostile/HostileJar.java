package mcs.verifier.redteam.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** Packs the hostile solvers of this package into a plug-in jar (META-INF/services lists them). */
public final class HostileJar {
    private HostileJar() {}

    public static Path build(Path dir) throws IOException {
        Path jar = dir.resolve("hostile-plugin.jar");
        Class<?>[] classes = {HostileSolver.class, InstanceChanger.class, KernelReflector.class, Exiter.class, ThreadLeaver.class};
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            StringBuilder services = new StringBuilder();
            for (Class<?> c : classes) {
                String res = c.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(res));
                try (InputStream in = c.getClassLoader().getResourceAsStream(res)) {
                    in.transferTo(out);
                }
                out.closeEntry();
                if (c != HostileSolver.class) services.append(c.getName()).append('\n');
            }
            out.putNextEntry(new JarEntry("META-INF/services/mcs.problems.spi.Solver"));
            out.write(services.toString().getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }
}
