package mcs.problems.arch;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * No package of the problems module depends, directly or through others, on a package that depends back on it: every
 * package is its own slice ({@code mcs.(**)}), so a cycle between two sibling packages fails as surely as one
 * between a package and its parent. Main code only (tests may reach across).
 */
@AnalyzeClasses(packages = "mcs.problems", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageCyclesTest {
    @ArchTest
    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("mcs.(**)").should().beFreeOfCycles();
}
