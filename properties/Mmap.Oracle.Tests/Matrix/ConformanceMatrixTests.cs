using Mmap.Oracle.Cases;
using Mmap.Oracle.Matrix;

namespace Mmap.Oracle.Tests.Matrix;

public class ConformanceMatrixTests
{
    [Fact]
    public void The_matrix_covers_every_combination_once()
    {
        var all = ConformanceMatrix.Generate().ToList();
        Assert.Equal(6 * 3 * 2 * 2 * 4 * 3 * 3, all.Count);
        Assert.Equal(ConformanceMatrix.Count, all.Count);
        Assert.Equal(all.Count, all.Select(s => s.Name).Distinct().Count());
        Assert.Contains(all, s => s.Name == "m-remap-per-page-rdonly-private-r-16p-off0-read-all");
    }

    [Fact]
    public void Every_matrix_scenario_encodes()
    {
        foreach (var scenario in ConformanceMatrix.Generate()) StepEncoder.Encode(scenario);
    }

    [Fact]
    public void The_matrix_is_deterministic()
    {
        Assert.Equal(ConformanceMatrix.Generate().Select(s => s.Name), ConformanceMatrix.Generate().Select(s => s.Name));
    }
}
