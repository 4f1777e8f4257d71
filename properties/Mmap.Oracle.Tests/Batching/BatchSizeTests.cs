using Mmap.Oracle.Running;
using Xunit;

namespace Mmap.Oracle.Tests.Batching;

/// <summary>How the runner cuts cases into boots: at most the limit per boot, equal batches, no slot left idle at the end.</summary>
public sealed class BatchSizeTests
{
    [Theory]
    [InlineData(8959, 3000, 3, 2, 2240)] // the matrix with the corpus: 4 boots per series (12 VMs on 2 slots), not 3 (9)
    [InlineData(9000, 3000, 2, 2, 3000)] // 3 boots × 2 kernels already fill the slots
    [InlineData(6001, 3000, 1, 2, 1501)] // 3 boots → 4
    [InlineData(1376, 1500, 3, 2, 1500)] // one boot per kernel: left alone (a fuzz batch)
    [InlineData(0, 3000, 3, 2, 3000)]
    public void Batches_fill_every_slot_to_the_end(int count, int max, int kernels, int slots, int expected)
    {
        var size = OracleRunner.BatchSize(count, max, kernels, slots);
        Assert.Equal(expected, size);
        Assert.True(size <= max);
    }
}
