namespace Mmap.Oracle.Build;

/// <summary>Host programs the oracle needs, and the Debian packages that provide them.</summary>
public static class HostTools
{
    /// <summary>Debian packages to install on a fresh machine (see scripts/install-oracle.sh).</summary>
    public static IReadOnlyList<string> DebianPackages { get; } =
        ["qemu-system-x86", "busybox-static", "gcc-12", "make", "libc6-dev", "libelf1", "libssl3", "zlib1g"];

    public static string Gcc => File.Exists("/usr/bin/gcc-12") ? "/usr/bin/gcc-12" : "gcc";

    public const string Qemu = "qemu-system-x86_64";

    /// <summary>The statically linked busybox from busybox-static.</summary>
    public static string Busybox
    {
        get
        {
            foreach (var candidate in new[] { "/bin/busybox", "/usr/bin/busybox" })
                if (File.Exists(candidate)) return candidate;
            throw new OracleException(OracleFailure.ToolMissing, "busybox not found (apt-get install busybox-static)");
        }
    }
}
