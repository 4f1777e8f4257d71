namespace Mmap.Pictures.Svg;

/// <summary>The pictures' CSS: fonts, the cell fills and one colour per outcome tone.</summary>
public static class Stylesheet
{
    public const string Css =
        "text { font-family: 'DejaVu Sans Mono', 'Liberation Mono', monospace; font-size: 11px; fill: #212121; }\n"
        + ".page { fill: #ffffff; }\n"
        + ".title { font-size: 18px; font-weight: bold; }\n"
        + ".heading { font-size: 13px; font-weight: bold; }\n"
        + ".note { fill: #616161; }\n"
        + ".small { font-size: 10px; }\n"
        + ".strong { font-weight: bold; }\n"
        + ".tone-success { fill: #2e7d32; }\n"
        + ".tone-value { fill: #1565c0; font-weight: bold; }\n"
        + ".tone-error { fill: #e65100; font-weight: bold; }\n"
        + ".tone-signal { fill: #c62828; font-weight: bold; }\n"
        + ".tone-skipped { fill: #9e9e9e; }\n"
        + ".pass { fill: #2e7d32; font-size: 18px; font-weight: bold; }\n"
        + ".fail { fill: #c62828; font-size: 18px; font-weight: bold; }\n"
        + ".fail-reason { fill: #c62828; font-size: 12px; }\n"
        + ".tl-vma { fill: #e3f2fd; stroke: #1565c0; stroke-width: 1; }\n"
        + ".tl-region { fill: #f5f5f5; stroke: #cfd8dc; stroke-width: 1; }\n"
        + ".tl-pte { fill: #1565c0; }\n"
        + ".tl-anon { fill: #e65100; }\n"
        + ".vma { fill: #fcfcfc; stroke: #37474f; stroke-width: 1.5; }\n"
        + ".novma { fill: #fff8f8; stroke: #c62828; stroke-width: 1; stroke-dasharray: 6 3; }\n"
        + ".cell-pte { fill: #e3f2fd; stroke: #1565c0; stroke-width: 1; }\n"
        + ".cell-anon { fill: #fff3e0; stroke: #e65100; stroke-width: 1; }\n"
        + ".cell-none { fill: #f5f5f5; stroke: #9e9e9e; stroke-width: 1; stroke-dasharray: 4 3; }\n"
        + ".cell-more { fill: #ffffff; stroke: #9e9e9e; stroke-width: 1; stroke-dasharray: 1 3; }\n"
        + ".cell-buffer { fill: #e8f5e9; stroke: #2e7d32; stroke-width: 1; }\n"
        + ".cell-buffer-mapped { fill: #c8e6c9; stroke: #1b5e20; stroke-width: 2.5; }\n"
        + ".rule { stroke: #cfd8dc; stroke-width: 1; }\n";

    public static string ToneClass(Facts.Tone tone) => tone switch
    {
        Facts.Tone.Success => "tone-success",
        Facts.Tone.Value => "tone-value",
        Facts.Tone.Error => "tone-error",
        Facts.Tone.Signal => "tone-signal",
        _ => "tone-skipped",
    };
}
