using System.Diagnostics;
using Mmap.Audit.Analysis;
using Mmap.Audit.Extraction;

namespace Mmap.Audit.Tests;

/// <summary>Resolving --kernel-source and the fetch path's unpack step (on a package built here: no download).</summary>
[Collection(CacheCollection.Name)]
public sealed class SourceTests
{
    [Fact]
    public void A_missing_path_or_unknown_series_is_bad_input()
    {
        var e = Assert.Throws<AuditException>(() => KernelSources.Resolve("/nonexistent/tree", _ => { }));
        Assert.False(e.Environment);
        Assert.Contains("--kernel-source", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cached_series_unpacks_its_package_into_the_layout_with_a_ready_file()
    {
        if (!File.Exists("/usr/bin/dpkg-deb")) return; // Debian-only tool; the suite runs on Debian
        var cache = Directory.CreateTempSubdirectory("mmapv-audit-cache").FullName;
        var old = Environment.GetEnvironmentVariable("MMAPV_CACHE_DIR");
        try
        {
            // A tiny linux-source-6.1 package, built the way Debian's is laid out: usr/src/linux-source-6.1.tar.xz.
            var build = Directory.CreateTempSubdirectory("mmapv-audit-deb").FullName;
            var tree = Path.Combine(build, "tree", "linux-source-6.1", "drivers", "char");
            Directory.CreateDirectory(tree);
            File.WriteAllText(Path.Combine(tree, "x.c"), "static int x_mmap(struct file *f, struct vm_area_struct *vma) { return 0; }\n");
            var pkg = Path.Combine(build, "pkg");
            Directory.CreateDirectory(Path.Combine(pkg, "usr", "src"));
            Directory.CreateDirectory(Path.Combine(pkg, "DEBIAN"));
            File.WriteAllText(Path.Combine(pkg, "DEBIAN", "control"), "Package: linux-source-6.1\nVersion: 0\nArchitecture: all\nMaintainer: test <t@example.org>\nDescription: test\n");
            Run("tar", "-cJf", Path.Combine(pkg, "usr", "src", "linux-source-6.1.tar.xz"), "-C", Path.Combine(build, "tree"), "linux-source-6.1");
            var series = Path.Combine(cache, "sources", "6.1");
            Directory.CreateDirectory(series);
            Run("dpkg-deb", "--build", pkg, Path.Combine(series, "linux-source-6.1_0_all.deb"));

            Environment.SetEnvironmentVariable("MMAPV_CACHE_DIR", cache);
            var lines = new List<string>();
            var (root, name) = KernelSources.Resolve("6.1", lines.Add);
            Assert.Equal((Path.Combine(series, "linux-source-6.1"), "6.1"), (root, name));
            Assert.True(File.Exists(Path.Combine(series, "ready")));
            Assert.True(File.Exists(Path.Combine(root, "drivers", "char", "x.c")));
            Assert.DoesNotContain(lines, l => l.StartsWith("downloading", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("unpacking", StringComparison.Ordinal));
            Assert.Empty(Prefilter.Candidates(root)); // no mapping API and no ops registration: nothing for spatch
            Directory.Delete(build, recursive: true);
        }
        finally
        {
            Environment.SetEnvironmentVariable("MMAPV_CACHE_DIR", old);
            Directory.Delete(cache, recursive: true);
        }
    }

    [Fact]
    public void Argument_lists_split_at_top_level_commas_and_subsystems_come_from_the_path()
    {
        Assert.Equal(["vma", "vma -> vm_start + f ( a , b )", "x [ 1 , 2 ]"], HandlerClassifier.SplitArgs("vma , vma -> vm_start + f ( a , b ) , x [ 1 , 2 ]"));
        Assert.Equal(["filp", "vma"], HandlerClassifier.ParamNames("struct file * filp , struct vm_area_struct * vma"));
        Assert.Equal(("drm", "fbdev", "media", "uio", "sound"), (HandlerClassifier.SubsystemOf("drivers/gpu/drm/x.c"), HandlerClassifier.SubsystemOf("drivers/video/fbdev/x.c"),
            HandlerClassifier.SubsystemOf("drivers/media/x.c"), HandlerClassifier.SubsystemOf("drivers/uio/x.c"), HandlerClassifier.SubsystemOf("sound/core/x.c")));
        Assert.Equal("EINVAL", HandlerClassifier.ErrorOf("return - EINVAL ;"));
        Assert.Null(HandlerClassifier.ErrorOf("vma -> vm_page_prot = x ;"));
    }

    private static void Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        p.StandardOutput.ReadToEnd();
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{tool} failed: {err}");
    }
}
