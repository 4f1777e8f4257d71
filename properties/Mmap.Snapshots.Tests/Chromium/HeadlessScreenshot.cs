using System.Diagnostics;

namespace Mmap.Snapshots.Tests.Chromium;

/// <summary>Renders an SVG file to a PNG with headless Chromium, the same flags render-check.sh uses.</summary>
public static class HeadlessScreenshot
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    public static (int ExitCode, string Output) Take(string chromium, string svgPath, string pngPath, int width, int height, string profileDir)
    {
        var start = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--hide-scrollbars", "--user-data-dir=" + profileDir, $"--window-size={width},{height}",
                     "--screenshot=" + pngPath, new Uri(svgPath).AbsoluteUri,
                 })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "timed out after " + Timeout);
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
