namespace Mmap.Oracle.Infrastructure;

/// <summary>
/// Where downloaded kernels and the accelerator probe result live: outside the repository.
/// <c>MMAPV_CACHE_DIR</c> wins; otherwise /var/cache/mmap-verify for root, ~/.cache/mmap-verify for others.
/// </summary>
public static class CacheDirectory
{
    public const string EnvironmentVariable = "MMAPV_CACHE_DIR";

    public static string Root
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured);
            if (Environment.UserName == "root") return "/var/cache/mmap-verify";
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            var baseDir = string.IsNullOrWhiteSpace(xdg)
                ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache")
                : xdg;
            return Path.Combine(baseDir, "mmap-verify");
        }
    }

    public static string Kernels => Path.Combine(Root, "kernels");
}
