using System.IO;
using System.Text;
using System.Text.Json;
using Latent.Golden.Writing;

namespace Latent.Cli.Exhaustive;

/// <summary>
/// A resumable sweep's state: which slice, format and range, how many chunks are done (chunks complete in order, batch by batch),
/// and the statistics so far. Written atomically after every batch, so an interrupted run resumes from its last batch.
/// </summary>
internal sealed class ExhaustiveCheckpoint
{
    public string Slice { get; set; } = string.Empty;

    /// <summary>The format's name; checkpoints written before formats other than binary32 were swept have none: f32.</summary>
    public string Format { get; set; } = Latent.Ieee.Binary32.Name;

    public long From { get; set; }

    public long To { get; set; }

    public long Stride { get; set; }

    public long ChunksDone { get; set; }

    public double Seconds { get; set; }

    public SliceStats Stats { get; set; } = new();

    public bool Matches(string slice, string format, SweepRange range) => Slice == slice && Format == format && From == range.From && To == range.To && Stride == range.Stride;

    public static ExhaustiveCheckpoint? Load(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<ExhaustiveCheckpoint>(File.ReadAllText(path)) : null;

    public void Save(string path) => AtomicFile.Write(path, Encoding.UTF8.GetBytes(JsonSerializer.Serialize(this)));
}
