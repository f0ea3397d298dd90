using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Latent.Golden.Conformance;
using Latent.Golden.Reading;
using Latent.Golden.Tests.Support;
using Xunit;

namespace Latent.Golden.Tests;

/// <summary>
/// The one bounded reader: the limit is exact (a file of the limit is read, one byte more is refused) for regular files
/// and for pipes, whose length cannot be asked; endless input is refused at the limit; failures are input errors.
/// </summary>
public sealed class BoundedInputTests : IDisposable
{
    private const int Limit = 100_000;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(Limit)]
    public void A_regular_file_up_to_the_limit_is_read_whole(int length)
    {
        byte[] content = Content(length);
        File.WriteAllBytes(_folder.File("f"), content);
        Assert.Equal(content, BoundedInput.Read(_folder.File("f"), Limit));
    }

    [Fact]
    public void A_regular_file_one_byte_over_the_limit_is_refused()
    {
        File.WriteAllBytes(_folder.File("f"), Content(Limit + 1));
        Assert.EndsWith($"more than the limit of {Limit} bytes", Assert.Throws<InputErrorException>(() => BoundedInput.Read(_folder.File("f"), Limit)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Limit, true)]
    [InlineData(Limit + 1, false)]
    [InlineData(3_000_000, false)]
    public async Task A_pipe_is_counted_while_read(int length, bool accepted)
    {
        string fifo = _folder.File("fifo");
        using (Process mkfifo = Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        byte[] content = Content(length);
        Task writer = Task.Run(() =>
        {
            try
            {
                using var stream = new FileStream(fifo, FileMode.Open, FileAccess.Write);
                stream.Write(content);
            }
            catch (IOException)
            {
                // The reader stopped at the limit and closed its end: the rest cannot be written.
            }
        });
        if (accepted)
        {
            Assert.Equal(content, BoundedInput.Read(fifo, Limit));
        }
        else
        {
            Assert.Throws<InputErrorException>(() => BoundedInput.Read(fifo, Limit));
        }

        await writer.WaitAsync(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public void Where_a_regular_file_is_required_a_file_and_a_link_to_one_are_read_and_a_device_is_not()
    {
        File.WriteAllBytes(_folder.File("f"), Content(10));
        File.CreateSymbolicLink(_folder.File("link"), _folder.File("f"));
        Assert.Equal(Content(10), BoundedInput.Read(_folder.File("f"), Limit, regularFileOnly: true));
        Assert.Equal(Content(10), BoundedInput.Read(_folder.File("link"), Limit, regularFileOnly: true));
        Assert.Contains("not a regular file", Assert.Throws<InputErrorException>(() => BoundedInput.Read("/dev/null", Limit, regularFileOnly: true)).Message, StringComparison.Ordinal);
        Assert.Empty(BoundedInput.Read("/dev/null", Limit));
    }

    [Fact]
    public void An_endless_device_is_refused_at_the_limit()
    {
        Assert.Equal("/dev/zero: more than the limit of 100000 bytes", Assert.Throws<InputErrorException>(() => BoundedInput.Read("/dev/zero", Limit)).Message);
    }

    [Fact]
    public void Missing_files_and_folders_are_input_errors()
    {
        Assert.EndsWith("nope: no such file", Assert.Throws<InputErrorException>(() => BoundedInput.Read(_folder.File("nope"), Limit)).Message, StringComparison.Ordinal);
        Assert.EndsWith("is a folder, not a file", Assert.Throws<InputErrorException>(() => BoundedInput.Read(_folder.Path, Limit)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_with_control_characters_is_named_escaped()
    {
        string message = Assert.Throws<InputErrorException>(() => BoundedInput.Read(_folder.File("a\u001b[2Jb"), Limit)).Message;
        Assert.Contains("a\\x1B[2Jb: no such file", message, StringComparison.Ordinal);
    }

    private static byte[] Content(int length)
    {
        var bytes = new byte[length];
        for (int i = 0; i < length; i++)
        {
            bytes[i] = (byte)(i * 31);
        }

        return bytes;
    }
}
