namespace PartnerMetrics.Cli.Tests;

/// <summary>Runs the command line in process and captures what it writes.</summary>
internal static class Cli
{
    public static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = Program.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Runs the command line with <paramref name="standardInput"/> as what the file argument <c>-</c> reads, through a stream that cannot seek or tell its length, as a pipe.</summary>
    public static (int Exit, string Output, string Error) RunWithInput(string standardInput, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var opened = 0;
        var exit = Program.Run(args, () => { opened++; return new PipeStream(System.Text.Encoding.UTF8.GetBytes(standardInput)); }, output, error);
        Assert.True(opened <= 1, "standard input was opened more than once");
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>A read-only stream of bytes that, like a pipe, can neither seek nor say how long it is.</summary>
    private sealed class PipeStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream inner = new(bytes, writable: false);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException("A pipe has no length.");

        public override long Position
        {
            get => throw new NotSupportedException("A pipe has no position.");
            set => throw new NotSupportedException("A pipe cannot seek.");
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("A pipe cannot seek.");

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
