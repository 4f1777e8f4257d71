using System.Diagnostics;
using System.Text.RegularExpressions;
using Mmap.Testing;

namespace Mmap.Snapshots.Tests.Chromium;

/// <summary>
/// Opens an SVG in headless Chromium through src/Mmap.Pictures/fit-probe.html (the page render-check.sh uses) in a
/// window <c>width</c> px wide and returns the probe's verdict: "ok …" when every drawn element and the badge are
/// visible, "fail … problems: …" otherwise.
/// </summary>
public static partial class FitProbe
{
    public static string ProbePath => RepositoryRoot.Combine("src", "Mmap.Pictures", "fit-probe.html");

    public static string Measure(string chromium, string svgPath, int width, int height, string profileDir)
    {
        var start = new ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                     "--allow-file-access-from-files", "--virtual-time-budget=5000", "--user-data-dir=" + profileDir,
                     $"--window-size={width},{height}", "--dump-dom", new Uri(ProbePath).AbsoluteUri + "#" + new Uri(svgPath).AbsoluteUri,
                 })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(HeadlessScreenshot.Timeout))
        {
            process.Kill(entireProcessTree: true);
            return "fail timed out";
        }

        var match = Result().Match(stdout.Result);
        return match.Success ? match.Groups[1].Value : "fail the probe page reported nothing";
    }

    [GeneratedRegex("id=\"result\">FIT ([^<]*)")]
    private static partial Regex Result();
}
