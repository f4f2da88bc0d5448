package mcs.problems.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The test oracles ({@code mcs.testkit}, shipped in the problems test-jar) are the second opinion: they may use the
 * problem types and JUnit, never the kernel ({@code mcs.verifier..}) nor a solver ({@code mcs.solvers..}), and no
 * numerical library whose mistakes the code under test could share.
 */
@AnalyzeClasses(packages = "mcs.testkit", importOptions = ImportOption.OnlyIncludeTests.class)
class TestkitIndependenceTest {
    @ArchTest
    static final ArchRule ORACLES_STAND_ALONE = classes().that().resideInAPackage("mcs.testkit")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "mcs.problems..", "mcs.testkit..", "org.junit..", "org.opentest4j..");
}
