using Mmap.Scenarios.Running;
using Mmap.Testing;
using Xunit;

namespace Mmap.Model.Tests.Scenarios;

/// <summary>The README's table of kernel-series differences is the one the model declares, not typed by hand.</summary>
public sealed class ReadmeKernelTableTests
{
    [Fact]
    public void The_readme_carries_the_models_delta_table_verbatim()
    {
        Assert.Equal(SeriesComparison.DeltaTable(), RepositoryRoot.ReadmeSection("kernel-deltas"));
    }

    [Fact]
    public void Every_declared_delta_has_its_section_in_the_rules_document()
    {
        var rules = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "kernel-rules.md"));
        foreach (var delta in Mmap.Model.Kernel.KernelDeltas.All)
            Assert.Contains($"\n### {delta.Id} ", rules, StringComparison.Ordinal);
    }
}
