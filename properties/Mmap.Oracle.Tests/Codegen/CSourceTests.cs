using System.Diagnostics;
using Mmap.Oracle.Build;
using Mmap.Oracle.Cases;
using Mmap.Oracle.Codegen;
using Mmap.Oracle.Tests.Integration;

namespace Mmap.Oracle.Tests.Codegen;

/// <summary>A fact that needs a host tool; skipped, with the reason, when it is not on PATH.</summary>
public sealed class NeedsToolFactAttribute : FactAttribute
{
    public NeedsToolFactAttribute(params string[] tools)
    {
        var missing = tools.Where(t => !RealKernelFactAttribute.ToolPresent(t)).ToList();
        if (missing.Count > 0) Skip = $"{string.Join(", ", missing)} not installed (run-verify.sh installs gcc and make)";
    }
}

/// <summary>A fact that builds against one cached kernel's headers; skipped, with the reason, when they are absent.</summary>
public sealed class KernelHeadersFactAttribute : FactAttribute
{
    public KernelHeadersFactAttribute(string series)
    {
        if (CSourceTests.HeadersOf(series) is not { } headers)
            Skip = $"no linux-headers for {series} under {CSourceTests.KernelCache}/{series}/root/usr/src (src/Mmap.Oracle/scripts/install-oracle.sh fetches them)";
        else if (!RealKernelFactAttribute.ToolPresent("make"))
            Skip = "make not installed (run-verify.sh installs it)";
        else if (CSourceTests.CompilerOf(headers) is { } cc && !RealKernelFactAttribute.ToolPresent(cc) && !CSourceTests.InstallerNamesCompiler(series))
            Skip = $"the {series} headers were configured for {cc} (CONFIG_CC_VERSION_TEXT), which is not installed";
    }
}

/// <summary>
/// The fixed C files compile: the user program with the flags the oracle uses, the module against every cached
/// kernel's headers (a real kbuild compile of mmapv.o: every REC_* format is checked against its arguments and every
/// _Static_assert of a C# value against the kernel's). The committed copies of the generated headers are current.
/// </summary>
public class CSourceTests
{
    public const string KernelCache = "/var/cache/mmap-verify/kernels";

    private static string CDirectory => Path.Combine(RepositoryRoot.Path, "src", "Mmap.Oracle", "c");

    /// <summary>The whole corpus as one batch: every step kind, method and record the corpus uses.</summary>
    private static IReadOnlyList<EncodedCase> CorpusCases() => Fixtures.Corpus().Select(StepEncoder.Encode).ToList();

    /// <summary>The seed scenario alone: the example batch headers kept in src/Mmap.Oracle/c.</summary>
    private static IReadOnlyList<EncodedCase> SeedCases() => [StepEncoder.Encode(Fixtures.Corpus().First(s => s.Name == "seed"))];

    /// <summary>True when the installer's make arguments for the series choose the compiler (7.3: CC=gcc-12).</summary>
    public static bool InstallerNamesCompiler(string series) =>
        Mmap.Oracle.Kernels.KernelPackages.TryFind(Mmap.Oracle.Kernels.KernelSeries.Parse(series))?.MakeArgs.Any(a => a.StartsWith("CC=", StringComparison.Ordinal)) ?? false;

    public static string? HeadersOf(string series)
    {
        var src = Path.Combine(KernelCache, series, "root", "usr", "src");
        if (!Directory.Exists(src)) return null;
        return Directory.GetDirectories(src, "linux-headers-*-cloud-amd64").Order(StringComparer.Ordinal).FirstOrDefault();
    }

    /// <summary>The compiler a headers tree was configured with (first word of CONFIG_CC_VERSION_TEXT), or null.</summary>
    public static string? CompilerOf(string headers)
    {
        var config = Path.Combine(headers, "include", "config", "auto.conf");
        if (!File.Exists(config)) return null;
        var line = File.ReadLines(config).FirstOrDefault(l => l.StartsWith("CONFIG_CC_VERSION_TEXT=", StringComparison.Ordinal));
        return line?["CONFIG_CC_VERSION_TEXT=".Length..].Trim('"').Split(' ')[0];
    }

    /// <summary>Generated files kept in the repository so src/Mmap.Oracle/c reads (and syntax-checks) on its own.</summary>
    private static IEnumerable<(string File, string Text)> CommittedGenerated() =>
    [
        (ProtocolHeader.FileName, ProtocolHeader.Generate()),
        (ModuleSource.KernelHeaderFile, ModuleSource.KernelHeader(vmFlagsHelpers: false)),
        (ProgramSource.BatchHeaderFile, ProgramSource.BatchHeader(SeedCases())),
    ];

    [Fact]
    public void The_committed_generated_headers_are_current()
    {
        var write = Environment.GetEnvironmentVariable("MMAP_ACCEPT_SNAPSHOTS") == "1" && Environment.GetEnvironmentVariable("CI") is null;
        foreach (var (file, text) in CommittedGenerated())
        {
            var path = Path.Combine(CDirectory, file);
            if (write) File.WriteAllText(path, text);
            Assert.True(File.Exists(path) && File.ReadAllText(path) == text,
                $"src/Mmap.Oracle/c/{file} differs from what the generator writes; review, then MMAP_ACCEPT_SNAPSHOTS=1 dotnet test properties/Mmap.Oracle.Tests");
        }
    }

    [Fact]
    public void Only_the_data_headers_differ_between_batches()
    {
        var module = ModuleSource.Generate(false);
        var program = ProgramSource.Generate(CorpusCases());
        Assert.StartsWith(CSources.Read(CSources.ModuleFile)[..200], module, StringComparison.Ordinal);
        Assert.StartsWith(CSources.Read(CSources.ProgramFile)[..200], program, StringComparison.Ordinal);
        Assert.Contains(ProtocolHeader.Generate(), module, StringComparison.Ordinal);
        Assert.Contains(ProtocolHeader.Generate(), program, StringComparison.Ordinal);
        Assert.DoesNotContain("#include \"mmapv_", module, StringComparison.Ordinal);
        Assert.DoesNotContain("#include \"mmapv_", program, StringComparison.Ordinal);
    }

    [NeedsToolFact("gcc")]
    public void The_user_program_compiles_with_the_oracles_flags()
    {
        using var temp = new Mmap.Oracle.Infrastructure.TempDirectory("mmapv-ctest-");
        // The batch source as the oracle builds it (gcc -Wall -Werror, as ProgramBuilder).
        var batch = Path.Combine(temp.Path, "mmapv-run.c");
        File.WriteAllText(batch, ProgramSource.Generate(CorpusCases()));
        Gcc(temp.Path, "-fsyntax-only", "-Wall", "-Werror", batch);
        // The repository's file with its committed headers, as an editor or a reviewer compiles it.
        Gcc(temp.Path, "-fsyntax-only", "-Wall", "-Werror", "-Wextra", "-Wno-unused-parameter", Path.Combine(CDirectory, CSources.ProgramFile));
    }

    [KernelHeadersFact("6.1")]
    public void The_module_compiles_against_the_6_1_headers() => CompileModule("6.1", vmFlagsHelpers: false);

    [KernelHeadersFact("6.12")]
    public void The_module_compiles_against_the_6_12_headers() => CompileModule("6.12", vmFlagsHelpers: true);

    [KernelHeadersFact("7.3")]
    public void The_module_compiles_against_the_7_3_headers() => CompileModule("7.3", vmFlagsHelpers: true);

    /// <summary>kbuild compiles mmapv.o only (no modpost, no link): the same compiler flags and warnings as the oracle's build.</summary>
    private static void CompileModule(string series, bool vmFlagsHelpers)
    {
        var headers = HeadersOf(series)!;
        using var temp = new Mmap.Oracle.Infrastructure.TempDirectory("mmapv-ktest-");
        File.WriteAllText(Path.Combine(temp.Path, "mmapv.c"), ModuleSource.Generate(vmFlagsHelpers));
        File.WriteAllText(Path.Combine(temp.Path, "Kbuild"), "obj-m := mmapv.o\n");
        // The installer's extra make arguments for the series (7.3: gcc-12 without -fmin-function-alignment).
        var makeArgs = Mmap.Oracle.Kernels.KernelPackages.TryFind(Mmap.Oracle.Kernels.KernelSeries.Parse(series))?.MakeArgs ?? [];
        var (code, output) = Run(temp.Path, "make", ["-C", headers, "M=" + temp.Path, "CONFIG_DEBUG_INFO_BTF_MODULES=", .. makeArgs, "KCFLAGS=-Werror", "mmapv.o"]);
        Assert.True(code == 0 && File.Exists(Path.Combine(temp.Path, "mmapv.o")), $"module does not compile against {headers}:\n{output}");
    }

    private static void Gcc(string directory, params string[] arguments)
    {
        var (code, output) = Run(directory, HostTools.Gcc, arguments);
        Assert.True(code == 0, $"gcc {string.Join(' ', arguments)}:\n{output}");
    }

    private static (int Code, string Output) Run(string directory, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr);
    }
}
