using Xunit;

namespace Mmap.Snapshots.Tests.Chromium;

/// <summary>A fact that is skipped, with the reason, when no Chromium is installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (ChromiumLocator.Find() is null)
        {
            Skip = "Chromium is not installed (apt-get install -y chromium, or set MMAP_CHROMIUM); "
                   + "src/Mmap.Pictures/render-check.sh does the same check by hand";
        }
    }
}
