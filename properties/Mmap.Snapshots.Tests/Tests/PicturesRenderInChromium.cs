using System.Xml.Linq;
using Mmap.Snapshots.Tests.Chromium;
using Mmap.Snapshots.Tests.Corpus;
using Xunit;

namespace Mmap.Snapshots.Tests.Tests;

/// <summary>
/// The pictures are real SVG: every one parses as XML with an svg root, and the seed's renders in
/// headless Chromium to a PNG of the picture's size with content, and pictures fit narrower windows
/// (skipped when Chromium is absent).
/// </summary>
public sealed class PicturesRenderInChromium
{
    [Theory]
    [MemberData(nameof(CorpusFiles.Theory), MemberType = typeof(CorpusFiles))]
    public void Every_picture_is_well_formed_SVG(string scenario)
    {
        var root = XDocument.Parse(ProducedSnapshots.RenderPicture(scenario)).Root!;
        Assert.Equal(XName.Get("svg", "http://www.w3.org/2000/svg"), root.Name);
    }

    [ChromiumFact]
    public void The_seed_picture_renders_in_headless_Chromium()
    {
        var dir = Directory.CreateTempSubdirectory("mmap-chromium-").FullName;
        try
        {
            var svg = ProducedSnapshots.RenderPicture("seed");
            var svgPath = Path.Combine(dir, "seed.svg");
            var pngPath = Path.Combine(dir, "seed.png");
            File.WriteAllText(svgPath, svg);
            var (width, height) = SvgSize.Of(svg);
            var (exit, output) = HeadlessScreenshot.Take(ChromiumLocator.Find()!, svgPath, pngPath, width, height, Path.Combine(dir, "profile"));
            Assert.True(exit == 0 && File.Exists(pngPath), $"chromium exited with {exit}:\n{output}");
            var png = File.ReadAllBytes(pngPath);
            Assert.Equal((width, height), PngHeader.Read(png));
            // A blank page of this size compresses to a few KiB; the drawn picture is far larger.
            Assert.True(png.Length > 30_000, $"the PNG is only {png.Length} bytes: the picture did not render");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>The whole picture, PASS/FAIL badge included, is visible in 1,000 and 1,400 px windows (it scales down).</summary>
    [ChromiumFact]
    public void Pictures_fit_1000_and_1400_pixel_windows_badge_included()
    {
        var dir = Directory.CreateTempSubdirectory("mmap-chromium-").FullName;
        try
        {
            var pictures = new Dictionary<string, string>
            {
                ["seed"] = ProducedSnapshots.RenderPicture("seed"),
                ["munmap-partial-split"] = ProducedSnapshots.RenderPicture("munmap-partial-split"),
                ["failing"] = Mmap.Pictures.AddressSpacePicture.Render(PictureContentTests.FailingSeedRun()),
            };
            foreach (var (name, svg) in pictures)
            {
                var svgPath = Path.Combine(dir, name + ".svg");
                File.WriteAllText(svgPath, svg);
                var (width, height) = SvgSize.Of(svg);
                foreach (var window in new[] { 1000, 1400 })
                {
                    var verdict = FitProbe.Measure(ChromiumLocator.Find()!, svgPath, window, height * window / width, Path.Combine(dir, "profile"));
                    Assert.True(verdict.StartsWith("ok ", StringComparison.Ordinal), $"{name} at {window}px: {verdict}");
                    Assert.DoesNotContain("badge=none", verdict);
                }
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
