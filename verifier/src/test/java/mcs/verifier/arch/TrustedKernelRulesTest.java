package mcs.verifier.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules of issue 15 ("a sealed kernel"), over the compiled main classes of the three
 * modules on this class path (problems, solvers at run time, verifier):
 * <ul>
 *   <li>{@code mcs.verifier.kernel} depends only on the JDK, itself and the trusted packages of
 *       {@code mcs.problems} (exact, matrix, cert, instance, io): a verdict rests on nothing else;
 *   <li>nothing in {@code verifier} depends on {@code mcs.solvers} (the judge shares no code with the
 *       contestants);
 *   <li>{@code mcs.problems} depends on neither {@code mcs.verifier} nor {@code mcs.solvers};
 *   <li>the submission checker never starts a process or loads a class loader itself: submitted code runs
 *       only through {@link mcs.verifier.sandbox.Sandbox}, and a submitted jar is never loaded in the judge.
 * </ul>
 */
class TrustedKernelRulesTest {
    static final String[] TRUSTED = {"java..", "mcs.verifier.kernel..", "mcs.problems.exact..", "mcs.problems.matrix..", "mcs.problems.cert..",
        "mcs.problems.instance..", "mcs.problems.io.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // Main classes only, whether a module comes as target/classes or as its jar (Maven's reactor uses
        // either); test classes and the problems test-jar are left out.
        ImportOption mainOnly = location -> !location.contains("/test-classes/") && !location.contains("-tests.jar");
        classes = new ClassFileImporter().withImportOption(mainOnly).importPackages("mcs.verifier", "mcs.problems", "mcs.solvers");
    }

    @Test
    void theKernelDependsOnlyOnTheJdkAndTheTrustedProblemPackages() {
        ArchRule rule = ArchRuleDefinition.classes().that().resideInAPackage("mcs.verifier.kernel..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(TRUSTED)
                .because("a verdict rests only on the kernel, the exact types it reads and the JDK (docs/SECURITY.md)");
        rule.check(classes);
    }

    @Test
    void nothingInTheVerifierDependsOnTheSolvers() {
        noClasses().that().resideInAPackage("mcs.verifier..").should().dependOnClassesThat().resideInAPackage("mcs.solvers..")
                .because("the judge never shares code with the contestants").check(classes);
    }

    @Test
    void theProblemsModuleDependsOnNeitherVerifierNorSolvers() {
        noClasses().that().resideInAPackage("mcs.problems..").should().dependOnClassesThat().resideInAnyPackage("mcs.verifier..", "mcs.solvers..")
                .because("the rules know neither the judge nor the contestants").check(classes);
    }

    @Test
    void theSubmissionCheckerStartsNoProcessAndLoadsNoJarItself() {
        noClasses().that().resideInAPackage("mcs.verifier.submit..").should().dependOnClassesThat()
                .belongToAnyOf(ProcessBuilder.class, Runtime.class, java.net.URLClassLoader.class, ClassLoader.class)
                .because("submitted code runs only through mcs.verifier.sandbox.Sandbox, and a submitted jar is never loaded in the judge's JVM")
                .check(classes);
    }

    @Test
    void theImportSawEveryModule() {
        // A rule over an empty import would pass vacuously: make sure the classes are really there.
        for (String c : new String[] {"mcs.verifier.kernel.Kernel", "mcs.problems.exact.Rational", "mcs.verifier.submit.SolverExamination",
            "mcs.verifier.sandbox.Sandbox"}) {
            if (!classes.contain(c)) throw new AssertionError("ArchUnit did not import " + c + "; the rules above would prove nothing");
        }
        if (classes.stream().noneMatch(c -> c.getPackageName().startsWith("mcs.solvers."))) {
            throw new AssertionError("ArchUnit imported no class of mcs.solvers; the verifier rule would prove nothing");
        }
    }
}
