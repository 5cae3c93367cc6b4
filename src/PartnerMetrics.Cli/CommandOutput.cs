using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Spectre.Console;

namespace PartnerMetrics.Cli;

/// <summary>What every command shares: the <c>--format</c> and <c>--out</c> options, writing the result, and the progress display.</summary>
internal static class CommandOutput
{
    /// <summary>Inputs larger than this (about 100,000 CRM rows, or 1,000 partnerships) show progress on an interactive terminal.</summary>
    public const long ProgressThreshold = 10_000_000;

    /// <summary>Creates the <c>--format</c> option, accepting <paramref name="formats"/>; the first is the default.</summary>
    public static Option<string> Format(string description, params string[] formats)
    {
        var option = new Option<string>("--format") { Description = description, DefaultValueFactory = _ => formats[0] };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }

    /// <summary>Creates the <c>--out</c> option.</summary>
    public static Option<FileInfo?> OutFile() => new("--out") { Description = "Write the output to this file instead of the console; - is the console." };

    /// <summary>
    /// Whether an output file is <c>-</c>, the standard output, as the file argument <c>-</c> is standard input (not a file
    /// named <c>-</c> in another directory, <c>./-</c>): <c>--out -</c> wrote a file named <c>-</c> in the current directory.
    /// </summary>
    public static bool IsStandardOutput(FileInfo file) => file.Name == "-" && file.ToString() == "-";

    /// <summary>
    /// Why a file written beside the report cannot be <c>-</c>: the standard output takes the report, and <c>-</c> named a
    /// file called "-" in the current directory, where it is the standard output everywhere else.
    /// </summary>
    /// <param name="option">The option that names the file, such as <c>--skip-invalid</c>.</param>
    /// <param name="file">Its file; <see langword="null"/> when the option is not given.</param>
    /// <param name="what">What the file holds, for the message, such as "the rejects".</param>
    /// <returns>The problem; <see langword="null"/> when the option names a file or is not given.</returns>
    public static string? BesideTheReport(string option, FileInfo? file, string what) =>
        file is not null && IsStandardOutput(file) ? $"{option} -: the standard output takes the report; give {what} a file name." : null;

    /// <summary>Writes the result to <paramref name="outFile"/>, or to <paramref name="output"/> when there is none.</summary>
    /// <returns>
    /// <see cref="ExitCodes.Success"/>, or <see cref="ExitCodes.OutputUnwritable"/> with the reason on <paramref name="error"/>
    /// when the file or the standard output cannot be written (a full disk, a closed standard output). A reader that closes a pipe
    /// early (`| head`) is not seen: the runtime drops what the pipe refuses, and the run ends with its own code.
    /// </returns>
    public static int Write(FileInfo? outFile, TextWriter output, TextWriter error, Action<TextWriter> write)
    {
        if (outFile is null || IsStandardOutput(outFile))
        {
            return WriteStandardOutput(output, error, write);
        }

        if (!WriteFile(outFile, error, write))
        {
            return ExitCodes.OutputUnwritable;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {outFile.FullName}"));
        return ExitCodes.Success;
    }

    /// <summary>Writes to the standard output, or says on <paramref name="error"/> why it cannot be written.</summary>
    /// <returns><see cref="ExitCodes.Success"/>, or <see cref="ExitCodes.OutputUnwritable"/>.</returns>
    public static int WriteStandardOutput(TextWriter output, TextWriter error, Action<TextWriter> write)
    {
        try
        {
            write(output);
            output.Flush();
            return ExitCodes.Success;
        }
        catch (Exception writeError) when (writeError is IOException or UnauthorizedAccessException)
        {
            // A closed standard output (`>&-`) is "access denied" around the system's "Bad file descriptor": say the latter.
            error.WriteLine($"Cannot write the standard output: {(writeError.InnerException as IOException ?? writeError).Message}");
            return ExitCodes.OutputUnwritable;
        }
    }

    /// <summary>
    /// Writes a file, or says on <paramref name="error"/> why it cannot be written. The text is written whole to a
    /// temporary file first, so a failure part way (a full disk, an output too large) leaves the file as it was, never
    /// truncated. What the path names is kept: a symbolic link stays a link and its target is written; an existing
    /// file keeps its permissions; and a path that may not be a regular file (a named pipe, a device such as
    /// <c>/dev/null</c>: they all have no length) is written into, never replaced.
    /// </summary>
    /// <returns><see langword="true"/> when the file was written.</returns>
    public static bool WriteFile(FileInfo file, TextWriter error, Action<TextWriter> write)
    {
        var target = Resolved(file);
        if (Directory.Exists(target.FullName))
        {
            // .NET says "Is a directory : …" (or, for "dir/", "Could not find a part of the path").
            error.WriteLine($"Cannot write {file.FullName}: it is a directory; give a file name.");
            return false;
        }

        var directory = target.DirectoryName ?? ".";
        if (!Directory.Exists(directory))
        {
            error.WriteLine($"Cannot write {file.FullName}: the directory {directory} does not exist.");
            return false;
        }

        // Only a regular file has a length: a file with one is replaced by a complete new one in its directory, in one
        // step. Anything else gets the complete text copied into it, from a temporary file where temporary files go.
        target.Refresh();
        var replace = !target.Exists || target.Length > 0;

        // A fixed-length name, so that a target name near the system's limit still leaves room for it.
        var temporary = Path.Combine(replace ? directory : Path.GetTempPath(), $".partnermetrics-{Guid.NewGuid():N}.tmp");

        // Ctrl-C or a termination signal ends the process without running the finally below, which left the partial
        // temporary file beside the output: the signal deletes it, and the process then ends as the signal would end it.
        using var interrupted = new TemporaryFileGuard(temporary);
        try
        {
            using (var writer = new StreamWriter(temporary, append: false))
            {
                write(writer);
            }

            if (!replace)
            {
                using var source = File.OpenRead(temporary);
                using var destination = new FileStream(target.FullName, FileMode.Create, FileAccess.Write);
                source.CopyTo(destination);
            }
            else
            {
                if (target.Exists && !OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(temporary, File.GetUnixFileMode(target.FullName));
                }

                File.Move(temporary, target.FullName, overwrite: true);
            }

            return true;
        }
        catch (Exception writeError) when (writeError is IOException or UnauthorizedAccessException)
        {
            // The temporary file is ours, not the user's: a message that names it names the file asked for instead.
            error.WriteLine($"Cannot write {file.FullName}: {writeError.Message.Replace(temporary, file.FullName, StringComparison.Ordinal)}");
            return false;
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    /// <summary>
    /// Why the files a run writes cannot be written, before anything is read: an output that is also an input (the report
    /// would replace the export or the portfolio it was made from), or two outputs that are one file (the second would
    /// replace the first, such as the rejects of <c>--skip-invalid</c> under the <c>--out</c> report). Paths are compared
    /// once symbolic links are followed. A device or a pipe, which has no length (<c>/dev/null</c>), is written into,
    /// never replaced, and may be named more than once.
    /// </summary>
    /// <param name="outputs">Each output's option and file; a missing one is not written.</param>
    /// <param name="inputs">Each input's option (or what it is) and path; <c>-</c> and a missing one are not files.</param>
    /// <returns>The problem, naming the options and the file; <see langword="null"/> when every output has a file of its own.</returns>
    public static string? Clash(IEnumerable<(string Option, FileInfo? File)> outputs, IEnumerable<(string What, string? Path)> inputs)
    {
        var written = outputs.Where(o => o.File is not null && !IsStandardOutput(o.File)).Select(o => (o.Option, File: o.File!, Target: Resolved(o.File!))).ToList();
        var read = inputs.Where(i => i.Path is { Length: > 0 } and not "-").Select(i => (i.What, Target: Resolved(new FileInfo(i.Path!)))).ToList();
        for (var i = 0; i < written.Count; i++)
        {
            var (option, file, target) = written[i];
            if (read.FirstOrDefault(r => Same(r.Target, target) && HasLength(r.Target)) is { What: { } what })
            {
                return $"{option} {file.FullName} is also {what}: writing it would replace what is read. Write the output to another file.";
            }

            if ((!target.Exists || HasLength(target)) && written.Skip(i + 1).FirstOrDefault(w => Same(w.Target, target)) is { Option: { } other })
            {
                return $"{option} and {other} both name {file.FullName}: the second file written would replace the first. Give each its own file.";
            }
        }

        return null;

        // Windows and macOS compare names ignoring case, by default.
        static bool Same(FileInfo left, FileInfo right) =>
            string.Equals(left.FullName, right.FullName, OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

        // Only a regular file has a length (as for WriteFile); an empty one holds nothing to lose.
        static bool HasLength(FileInfo target) => target.Exists && target.Length > 0;
    }

    /// <summary>The file a path names: the final target of a symbolic link (which need not exist yet), else the path itself.</summary>
    private static FileInfo Resolved(FileInfo file) =>
        file.LinkTarget is null ? file : file.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? file;

    /// <summary>Deletes a temporary file when a signal that ends the process arrives while it is being written.</summary>
    private sealed class TemporaryFileGuard : IDisposable
    {
        private readonly PosixSignalRegistration[] registrations;

        public TemporaryFileGuard(string path) =>
            registrations = [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT, PosixSignal.SIGHUP }
                .Select(signal => PosixSignalRegistration.Create(signal, _ => TryDelete(path)))];

        public void Dispose()
        {
            foreach (var registration in registrations)
            {
                registration.Dispose();
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception deleteError) when (deleteError is IOException or UnauthorizedAccessException)
        {
            // Only a leftover temporary file; the error that matters has been reported.
        }
    }

    /// <summary>Runs <paramref name="read"/>, showing a progress bar of the bytes read when the input is large and the console is an interactive terminal.</summary>
    public static void WithProgress(FileInfo path, long length, TextWriter output, Action<Action<long>> read)
    {
        if (!ShowsProgress(length, output))
        {
            read(_ => { });
            return;
        }

        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape($"Reading {path.Name}"), maxValue: length);
                read(position => task.Value = position);
                task.Value = length;
            });
    }

    /// <summary>Runs <paramref name="work"/> under a spinner with <paramref name="status"/> when the input is large and the console is an interactive terminal.</summary>
    public static T WithStatus<T>(string status, long length, TextWriter output, Func<T> work) =>
        ShowsProgress(length, output) ? AnsiConsole.Status().Start(Markup.Escape(status), _ => work()) : work();

    /// <summary>Only a person watching a terminal sees progress: never when the output is captured or redirected, or on CI.</summary>
    internal static bool ShowsProgress(long length, TextWriter output) =>
        length > ProgressThreshold
        && output == Console.Out
        && !Console.IsOutputRedirected
        && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
        && AnsiConsole.Profile.Capabilities.Interactive;
}
