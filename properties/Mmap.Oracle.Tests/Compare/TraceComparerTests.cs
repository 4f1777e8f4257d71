using Mmap.Oracle.Compare;

namespace Mmap.Oracle.Tests.Compare;

public class TraceComparerTests
{
    [Fact]
    public void Explanations_are_not_compared()
    {
        var result = TraceComparer.Compare(["read char VA+0x0 = SIGBUS:ADRERR  # no PTE"], ["read char VA+0x0 = SIGBUS:ADRERR"]);
        Assert.True(result.Agree);
    }

    [Fact]
    public void Differences_are_reported_as_hunks_model_first()
    {
        var result = TraceComparer.Compare(["a", "b", "c", "d"], ["a", "B", "c", "d", "e"]);
        Assert.Equal(["- b", "+ B", "+ e"], result.Differences.Select(d => d.ToString()));
        Assert.Equal(2, result.Differences[0].LineNumber);
    }

    [Fact]
    public void An_unknown_model_value_matches_any_kernel_value()
    {
        Assert.True(TraceComparer.Compare(["read uchar VA+0x1000 = ?"], ["read uchar VA+0x1000 = 3f"]).Agree);
        Assert.False(TraceComparer.Compare(["read uchar VA+0x1000 = ?"], ["read uchar VA+0x2000 = 3f"]).Agree);
    }

    [Fact]
    public void Kernel_BUGs_compare_by_function()
    {
        Assert.True(TraceComparer.Compare(
            ["BUG: kernel BUG in vmf_insert_pfn_prot: VM_PFNMAP && is_cow_mapping(vm_flags)"],
            ["BUG: kernel BUG in vmf_insert_pfn_prot: kernel BUG at mm/memory.c:2229!"]).Agree);
        Assert.False(TraceComparer.Compare(
            ["BUG: kernel BUG in remap_pfn_range_internal: !pte_none"],
            ["BUG: kernel BUG in vmf_insert_pfn_prot: kernel BUG at mm/memory.c:2229!"]).Agree);
    }
}
