namespace Mmap.Properties.Tests.Runner;

/// <summary>The verdict of one property run: passed, or the failure message; plus the test output (seed, verbose cases).</summary>
public sealed record PropertyReport(bool Passed, string Message, string Output)
{
    public static PropertyReport Broken(Exception e) => new(false, "the property could not run: " + e, "");
}
