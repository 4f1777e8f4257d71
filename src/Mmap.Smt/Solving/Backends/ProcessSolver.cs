using System.Globalization;
using Mmap.Smt.Models;
using Mmap.Smt.Queries;

namespace Mmap.Smt.Solving.Backends;

/// <summary>
/// A command-line SMT-LIB2 solver fed the exported script on stdin. Subclasses hold each solver's quirks
/// (switches, how it reports a time-out).
/// </summary>
public abstract class ProcessSolver(string executable) : ISolver, IEvaluator
{
    public string Executable { get; } = executable;

    public abstract string Name { get; }

    /// <summary>The switches for one run under <paramref name="limits"/>; the script comes on stdin.</summary>
    protected abstract IReadOnlyList<string> Arguments(SolverLimits limits);

    /// <summary>Whether the process reported running out of time (instead of answering).</summary>
    protected abstract bool ReportsTimeout(ProcessRun run);

    public ProofVerdict Check(SmtQuery query, SolverLimits limits) =>
        Verdict(Arguments(limits), query.ToScript() + "(get-info :reason-unknown)\n", limits);

    /// <summary>Runs the solver on an exported .smt2 file, as a person would by hand.</summary>
    public ProofVerdict CheckFile(string path, SolverLimits limits) =>
        Verdict([.. FileArguments(limits), Path.GetFullPath(path)], "", limits);

    /// <summary>The switches for a run on a file; by default the same as for stdin.</summary>
    protected virtual IReadOnlyList<string> FileArguments(SolverLimits limits) => Arguments(limits);

    private ProofVerdict Verdict(IReadOnlyList<string> arguments, string stdin, SolverLimits limits)
    {
        ProcessRun run;
        try
        {
            run = ProcessRunner.Run(Executable, arguments, stdin, limits.Timeout + limits.KillGrace);
        }
        catch (SolverNotFoundException e)
        {
            return new ProofVerdict.Error(e.Message);
        }
        if (run.Killed || ReportsTimeout(run))
        {
            return new ProofVerdict.Timeout(limits.Timeout);
        }
        var verdict = SolverResponse.Interpret(run.Stdout, limits);
        return verdict is ProofVerdict.Error error && run.Stderr.Trim().Length > 0
            ? new ProofVerdict.Error(string.Create(CultureInfo.InvariantCulture, $"{error.Message} (exit {run.ExitCode}: {run.Stderr.Trim()})"))
            : verdict;
    }

    public IReadOnlyList<SmtValue> Evaluate(IReadOnlyList<string> definitions, IReadOnlyList<Terms.Term> closedTerms, SolverLimits limits)
    {
        var script = SmtQuery.Preamble + string.Join('\n', definitions) + "\n" + SmtQuery.CheckSat + "\n" + ClosedTermValues.Request(closedTerms) + "\n";
        var run = ProcessRunner.Run(Executable, Arguments(limits), script, limits.Timeout + limits.KillGrace);
        var lines = run.Stdout.TrimStart();
        if (!lines.StartsWith("sat", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{Name} could not evaluate: {run.Stdout}{run.Stderr}");
        }
        return ClosedTermValues.Parse(lines[3..], closedTerms.Count);
    }
}
