using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mmap.Audit.Extraction;

/// <summary>
/// One record printed by <c>cocci/mmap-facts.cocci</c>: a fact about one source position. <see cref="Kind"/> says
/// which rule printed it; the other fields are that rule's (see the comment at the top of the .cocci file).
/// </summary>
public sealed record Fact
{
    [JsonPropertyName("k")] public string Kind { get; init; } = "";

    [JsonPropertyName("f")] public string File { get; init; } = "";

    [JsonPropertyName("l")] public int Line { get; init; }

    /// <summary>The function the fact is in (or, for field/set, the function stored).</summary>
    [JsonPropertyName("fn")] public string? Function { get; init; }

    /// <summary>call/ctx/loop: the called function.</summary>
    [JsonPropertyName("g")] public string? Callee { get; init; }

    /// <summary>call: the argument list as text.</summary>
    [JsonPropertyName("a")] public string? Args { get; init; }

    /// <summary>ctx: ignored, returned or assigned.</summary>
    [JsonPropertyName("how")] public string? How { get; init; }

    /// <summary>ctx: the variable the result is assigned to.</summary>
    [JsonPropertyName("to")] public string? To { get; init; }

    /// <summary>if: the condition; flags: the value or-ed, and-ed or assigned.</summary>
    [JsonPropertyName("c")] public string? Condition { get; init; }

    /// <summary>if: the then-branch.</summary>
    [JsonPropertyName("s")] public string? Then { get; init; }

    /// <summary>if: the else-branch, when there is one.</summary>
    [JsonPropertyName("el")] public string? Else { get; init; }

    /// <summary>asg: the assigned lvalue or declared variable.</summary>
    [JsonPropertyName("x")] public string? Target { get; init; }

    /// <summary>asg: the assigned expression.</summary>
    [JsonPropertyName("e")] public string? Value { get; init; }

    /// <summary>ident: the identifier.</summary>
    [JsonPropertyName("i")] public string? Identifier { get; init; }

    /// <summary>field: the struct type of the initialiser.</summary>
    [JsonPropertyName("st")] public string? Struct { get; init; }

    /// <summary>field/set: the member name (mmap, fb_mmap, fault, …).</summary>
    [JsonPropertyName("fld")] public string? Member { get; init; }

    /// <summary>field: the variable the initialiser defines.</summary>
    [JsonPropertyName("var")] public string? Variable { get; init; }

    /// <summary>def: the parameter list as text.</summary>
    [JsonPropertyName("ps")] public string? Params { get; init; }

    /// <summary>set: the function that stores it.</summary>
    [JsonPropertyName("inf")] public string? StoredIn { get; init; }

    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = false };

    /// <summary>Parses one line of spatch output; null for a line that is not a fact (spatch's own messages).</summary>
    public static Fact? Parse(string line)
    {
        if (line.Length < 2 || line[0] != '{') return null;
        try
        {
            return JsonSerializer.Deserialize<Fact>(line, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
