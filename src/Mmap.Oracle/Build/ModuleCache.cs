using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Mmap.Oracle.Codegen;
using Mmap.Oracle.Infrastructure;
using Mmap.Oracle.Kernels;

namespace Mmap.Oracle.Build;

/// <summary>
/// The oracle's module for a kernel, built once: the source carries no batch data (<see cref="DriverTable"/>), so one
/// build serves every batch. Kept in <c>&lt;cache&gt;/modules/&lt;release&gt;/&lt;hash&gt;/mmapv.ko</c>, where the hash
/// covers the source, the kernel release and the installer's make arguments; a changed harness is a new hash. In one
/// process, concurrent batches on the same kernel share a single build.
/// </summary>
public static class ModuleCache
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Builds = new(StringComparer.Ordinal);

    /// <summary>The path of the kernel's built module, building it first when the cache does not have it.</summary>
    public static async Task<string> GetAsync(KernelInstall kernel, CancellationToken cancellationToken = default)
    {
        var source = ModuleSource.Generate(kernel.HasVmFlagsHelpers);
        var key = Hash(kernel.Release + "\n" + string.Join(' ', kernel.MakeArgs) + "\n" + source);
        var directory = Path.Combine(CacheDirectory.Root, "modules", kernel.Release, key);
        var ko = Path.Combine(directory, ModuleBuilder.ModuleName + ".ko");
        var build = Builds.GetOrAdd(ko, _ => new Lazy<Task<string>>(() => BuildAsync(kernel, source, directory, ko, cancellationToken)));
        try
        {
            return await build.Value.ConfigureAwait(false);
        }
        catch
        {
            Builds.TryRemove(new KeyValuePair<string, Lazy<Task<string>>>(ko, build));
            throw;
        }
    }

    private static async Task<string> BuildAsync(KernelInstall kernel, string source, string directory, string ko, CancellationToken cancellationToken)
    {
        if (File.Exists(ko)) return ko;
        using var temp = new TempDirectory("mmapv-module-");
        var built = await ModuleBuilder.BuildAsync(kernel, source, Path.Combine(temp.Path, "module"), cancellationToken).ConfigureAwait(false);
        Directory.CreateDirectory(directory);
        // Another process may finish the same build first; both write the same bytes, the rename is atomic.
        var staging = ko + "." + Environment.ProcessId + ".tmp";
        File.Copy(built, staging, overwrite: true);
        File.Move(staging, ko, overwrite: true);
        return ko;
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
