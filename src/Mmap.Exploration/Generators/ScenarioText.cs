namespace Mmap.Exploration.Generators;

/// <summary>Text offered to the scenario parser: random characters, or a valid scenario file with mutations applied.</summary>
public sealed record ScenarioText(string Text)
{
    public override string ToString() => "\"" + Text.Replace("\n", "\\n") + "\"";
}
