using Mmap.Model.Driver;
using Mmap.Model.Memory;
using Mmap.Oracle.Cases;
using Mmap.Oracle.Matrix;

namespace Mmap.Oracle.Tests.Matrix;

public class ConformanceMatrixTests
{
    [Fact]
    public void The_matrix_covers_every_combination_once()
    {
        var all = ConformanceMatrix.Generate().ToList();
        // 93 drivers: remap-per-page 32 (buffer × prot × checks × pgoff × VM_MAYWRITE), remap-whole 16 (kmalloc only),
        // insert-page and map-pages 16 each, fault-pfn 8, fault 4 (vmalloc only), no ->mmap 1;
        // × 3 open × 2 map × 4 prot × 4 shapes.
        Assert.Equal(93, ConformanceMatrix.Drivers.Count);
        Assert.Equal(93 * 3 * 2 * 4 * 4, all.Count);
        Assert.Equal(ConformanceMatrix.Count, all.Count);
        Assert.Equal(all.Count, all.Select(s => s.Name).Distinct().Count());
        Assert.Contains(all, s => s.Name == "m-remap-per-page.vm.vp.ign.p0.mw.nofops-rdonly-private-r-2p");
    }

    [Fact]
    public void Every_driver_knob_takes_every_value()
    {
        var drivers = ConformanceMatrix.Drivers.Select(d => d.Strategy).ToList();
        Assert.Equal(Enum.GetValues<MappingMethod>().Order(), drivers.Select(d => d.Method).Distinct().Order());
        Assert.Equal(Enum.GetValues<BufferKind>().Order(), drivers.Select(d => d.Buffer).Distinct().Order());
        Assert.Equal(Enum.GetValues<RemapProt>().Order(), drivers.Select(d => d.Prot).Distinct().Order());
        Assert.Equal(Enum.GetValues<PgoffPolicy>().Order(), drivers.Select(d => d.Pgoff).Distinct().Order());
        Assert.Equal(Enum.GetValues<FileOperationsKind>().Order(), drivers.Select(d => d.Fops).Distinct().Order());
        Assert.Equal([false, true], drivers.Select(d => d.ChecksErrors).Distinct().Order());
        Assert.Equal([false, true], drivers.Select(d => d.ClearsMayWrite).Distinct().Order());
        // Both file-operation kinds meet every mapping method.
        foreach (var method in Enum.GetValues<MappingMethod>().Where(m => m != MappingMethod.None))
            Assert.Equal(2, drivers.Where(d => d.Method == method).Select(d => d.Fops).Distinct().Count());
    }

    [Fact]
    public void Every_matrix_scenario_encodes()
    {
        foreach (var scenario in ConformanceMatrix.Generate()) StepEncoder.Encode(scenario);
    }

    [Fact]
    public void The_matrix_is_deterministic_and_its_slices_reach_every_driver_method()
    {
        Assert.Equal(ConformanceMatrix.Generate().Select(s => s.Name), ConformanceMatrix.Generate().Select(s => s.Name));
        var slice = ConformanceMatrix.Slice(37).ToList();
        Assert.Equal((ConformanceMatrix.Count + 36) / 37, slice.Count);
        Assert.Equal(Enum.GetValues<MappingMethod>().Length, slice.Select(s => s.Driver.Method).Distinct().Count());
    }
}
