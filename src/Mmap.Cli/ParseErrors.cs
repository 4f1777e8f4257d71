using System.CommandLine;
using System.CommandLine.Parsing;
using Echo = Mmap.Scenarios.Syntax.Echo;

namespace Mmap.Cli;

/// <summary>
/// Turns System.CommandLine's parse errors into one line naming the command, the option or argument, the offending
/// text and what is allowed: never the help page, never a .NET type name.
/// </summary>
public static class ParseErrors
{
    public static string OneLine(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var path = CommandPath(parse.CommandResult);
        var text = Describe(parse, command);
        var more = parse.Errors.Count > 1 ? $" (and {parse.Errors.Count - 1} more problem{(parse.Errors.Count > 2 ? "s" : "")})" : "";
        return $"{path}: {text}{more}; see '{path} --help'";
    }

    private static string Describe(ParseResult parse, Command command)
    {
        if (parse.UnmatchedTokens.Count > 0)
        {
            var token = parse.UnmatchedTokens[0];
            if (command is RootCommand)
            {
                return $"unknown command {Echo.Quote(token)} (allowed: {SubcommandNames(command)})";
            }

            return token.StartsWith('-')
                ? $"unknown option {Echo.Quote(token)} (allowed: {OptionNames(command)})"
                : $"unexpected argument {Echo.Quote(token)} (allowed: {Usage(command)})";
        }

        var error = parse.Errors[0];
        switch (error.SymbolResult)
        {
            case OptionResult option:
                var name = option.Option.Name;
                if (option.Tokens.Count == 0) return $"{name} needs a value (allowed: {ValueKind(option.Option.ValueType, option.Option.HelpName)})";
                if (option.Tokens.Count > 1) return $"{name} takes one value, got {option.Tokens.Count}";
                return $"{name}: {Echo.Quote(option.Tokens[0].Value)} is not {ValueKind(option.Option.ValueType, option.Option.HelpName)}";
            case ArgumentResult argument:
                if (argument.Tokens.Count == 0) return $"missing {argument.Argument.Name} (allowed: {Usage(command)})";
                return $"{argument.Argument.Name}: {Echo.Quote(argument.Tokens[0].Value)} is not {ValueKind(argument.Argument.ValueType, argument.Argument.HelpName)}";
            case CommandResult when command is RootCommand:
                return $"give a command (allowed: {SubcommandNames(command)})";
            case CommandResult:
                return command.Arguments.FirstOrDefault(a => a.Arity.MinimumNumberOfValues > 0) is { } required
                    ? $"missing {required.Name} (allowed: {Usage(command)})"
                    : Echo.Escape(StripTypeNames(error.Message), 200);
            default:
                return Echo.Escape(StripTypeNames(error.Message), 200);
        }
    }

    /// <summary>What a value of this type looks like, in words.</summary>
    public static string ValueKind(Type type, string? helpName)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(int) || underlying == typeof(long)) return "a whole number";
        if (underlying == typeof(double)) return "a number such as 2.5";
        if (underlying == typeof(bool)) return "true or false (or the option alone)";
        if (underlying.IsArray) return "one or more " + (helpName ?? "values");
        return helpName ?? "a text value";
    }

    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result; r is not null; r = r.Parent)
        {
            if (r is CommandResult c) names.Add(c.Command is RootCommand ? "mmapv" : c.Command.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }

    private static string SubcommandNames(Command command) => string.Join(", ", command.Subcommands.Select(c => c.Name));

    private static string OptionNames(Command command) =>
        string.Join(", ", command.Options.Where(o => !o.Hidden).Select(o => o.Name).Append("--help"));

    private static string Usage(Command command)
    {
        var arguments = command.Arguments.Select(a => a.Arity.MaximumNumberOfValues > 1 ? $"{a.Name.ToUpperInvariant()}…" : a.Name.ToUpperInvariant()).ToList();
        return arguments.Count == 0 ? "no arguments, only options " + OptionNames(command) : string.Join(' ', arguments) + " and options " + OptionNames(command);
    }

    private static string StripTypeNames(string message) =>
        System.Text.RegularExpressions.Regex.Replace(message, @"\s*as expected type '[^']*'|'System\.[\w.`\[\]]+'", "");
}
