using System.Text.RegularExpressions;
using Mmap.Oracle.Infrastructure;

namespace Mmap.Oracle.Kernels;

/// <summary>The few apt-cache / apt-get / dpkg calls the oracle needs, each with a time limit and a one-line error.</summary>
internal static partial class AptClient
{
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan DownloadTimeout = TimeSpan.FromMinutes(15);

    /// <summary>Package names matching an anchored regular expression (apt-cache search --names-only).</summary>
    public static async Task<IReadOnlyList<string>> SearchNamesAsync(string expression, CancellationToken ct)
    {
        var result = await ProcessRunner.RunAsync("apt-cache", ["search", "--names-only", expression], QueryTimeout, cancellationToken: ct).ConfigureAwait(false);
        Check(result, $"apt-cache search {expression}");
        return result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', 2)[0].Trim())
            .Where(name => name.Length > 0)
            .ToList();
    }

    /// <summary>The candidate version and dependency list of one package.</summary>
    public static async Task<(string Version, IReadOnlyList<PackageDependency> Depends)> ShowAsync(string package, CancellationToken ct)
    {
        var result = await ProcessRunner.RunAsync("apt-cache", ["show", "--no-all-versions", package], QueryTimeout, cancellationToken: ct).ConfigureAwait(false);
        Check(result, $"apt-cache show {package}");
        string? version = null;
        var depends = new List<PackageDependency>();
        foreach (var line in result.Stdout.Split('\n'))
        {
            if (line.StartsWith("Version: ", StringComparison.Ordinal)) version ??= line["Version: ".Length..].Trim();
            if (line.StartsWith("Depends: ", StringComparison.Ordinal))
                depends.AddRange(ParseDepends(line["Depends: ".Length..]));
        }
        if (version is null)
            throw new OracleException(OracleFailure.PackagesUnavailable, $"apt-cache show {package}: no Version field (run apt-get update)");
        return (version, depends);
    }

    /// <summary>Downloads packages ("name" or "name=version") into a directory with apt-get download.</summary>
    public static async Task DownloadAsync(IReadOnlyList<string> packages, string directory, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        var result = await ProcessRunner.RunAsync("apt-get", ["download", .. packages], DownloadTimeout, directory, cancellationToken: ct).ConfigureAwait(false);
        Check(result, "apt-get download " + string.Join(' ', packages));
    }

    /// <summary>Unpacks a .deb into a directory (dpkg -x); nothing is installed on the host.</summary>
    public static async Task ExtractAsync(string deb, string directory, CancellationToken ct)
    {
        var result = await ProcessRunner.RunAsync("dpkg", ["-x", deb, directory], DownloadTimeout, cancellationToken: ct).ConfigureAwait(false);
        Check(result, $"dpkg -x {Path.GetFileName(deb)}");
    }

    internal static IEnumerable<PackageDependency> ParseDepends(string field)
    {
        foreach (var clause in field.Split(','))
        {
            // Alternatives: keep the first.
            var first = clause.Split('|')[0].Trim();
            var match = DependencyPattern().Match(first);
            if (!match.Success) continue;
            yield return new PackageDependency(
                match.Groups["name"].Value,
                match.Groups["op"].Success ? match.Groups["op"].Value : null,
                match.Groups["ver"].Success ? match.Groups["ver"].Value : null);
        }
    }

    private static void Check(ProcessResult result, string what)
    {
        if (result.TimedOut)
            throw new OracleException(OracleFailure.Timeout, $"{what}: timed out after {result.Elapsed.TotalSeconds:F0} s");
        if (result.ExitCode != 0)
            throw new OracleException(OracleFailure.PackagesUnavailable, $"{what}: {result.LastErrorLine()}");
    }

    [GeneratedRegex(@"^(?<name>[a-z0-9][a-z0-9+.\-]*)(:[a-z0-9]+)?(\s*\((?<op>[<>=]+)\s*(?<ver>[^)\s]+)\))?$")]
    private static partial Regex DependencyPattern();
}

/// <summary>One entry of a Debian Depends field.</summary>
internal sealed record PackageDependency(string Name, string? Relation, string? Version)
{
    /// <summary>"name=version" when a version is pinned or bounded below, otherwise "name".</summary>
    public string DownloadSpec => Version is not null && Relation is "=" or ">=" ? $"{Name}={Version}" : Name;
}
