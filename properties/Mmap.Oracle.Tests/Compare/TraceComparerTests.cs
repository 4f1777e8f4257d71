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

    [Fact]
    public void A_steps_warnings_compare_wherever_they_fall_among_its_kernel_lines_but_not_across_steps()
    {
        // The model warns when the rule fires (during the MAP_FIXED unmap, before ->mmap); the harness only knows the step.
        string[] model =
        [
            "mmap(VA+0x4000, 0x6000, PROT_READ, MAP_SHARED|MAP_FIXED, fd, 0x1000)",
            "  WARNING arch/x86/mm/pat/memtype.c untrack_pfn  # get_pat_info",
            "  ->mmap vma=[VC+0x0, VC+0x6000) vm_flags=0xf9 vm_pgoff=0x1",
            "  ->mmap = -EINVAL vm_flags=0xd9 vm_pgoff=0x1",
            "= -EINVAL",
        ];
        string[] kernel = [model[0], model[2], model[3], "  WARNING arch/x86/mm/pat/memtype.c untrack_pfn", model[4]];
        Assert.True(TraceComparer.Compare(model, kernel).Agree);
        // A warning the kernel printed in the next step is still a difference.
        string[] later = [model[0], model[2], model[3], model[4], "munmap(VA, 0x1000) = 0", "  WARNING arch/x86/mm/pat/memtype.c untrack_pfn"];
        Assert.False(TraceComparer.Compare([.. model, "munmap(VA, 0x1000) = 0"], later).Agree);
    }
}
