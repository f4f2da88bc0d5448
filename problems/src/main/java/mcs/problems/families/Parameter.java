package mcs.problems.families;

/** A family-specific generator parameter: its name, its default value as text, and what it means. */
public record Parameter(String name, String defaultValue, String meaning) {}
