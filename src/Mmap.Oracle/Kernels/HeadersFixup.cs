namespace Mmap.Oracle.Kernels;

/// <summary>
/// Debian's arch headers Makefile includes the common tree by absolute path (<c>include /usr/src/…</c>).
/// After <c>dpkg -x</c> into the cache that path does not exist, so it is rewritten to the unpacked tree.
/// The <c>scripts</c>/<c>tools</c> links are relative and already point inside the unpacked tree.
/// </summary>
internal static class HeadersFixup
{
    public static void PointAtUnpackedTree(string root, string release)
    {
        var makefile = Path.Combine(root, "usr", "src", $"linux-headers-{release}", "Makefile");
        if (!File.Exists(makefile))
            throw new OracleException(OracleFailure.PackagesUnavailable, $"headers package did not contain usr/src/linux-headers-{release}/Makefile");
        var src = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(root)!, "root", "usr", "src"));
        var lines = File.ReadAllLines(makefile)
            .Select(line => line.StartsWith("include /usr/src/", StringComparison.Ordinal)
                ? "include " + src + "/" + line["include /usr/src/".Length..]
                : line);
        File.WriteAllLines(makefile, lines);
    }
}
