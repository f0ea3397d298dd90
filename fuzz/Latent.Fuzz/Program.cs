using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Latent.Fuzz;
using Latent.Golden.Conformance;
using SharpFuzz;

// latent-fuzz TARGET VECTORS_DIR: afl++ persistent-mode loop over one reader (fuzz/run.sh starts it).
if (args.Length != 2 || !FuzzTargets.Names.Contains(args[0]))
{
    Console.Error.WriteLine($"usage: Latent.Fuzz {{{string.Join('|', FuzzTargets.Names)}}} VECTORS_DIR");
    return 2;
}

string target = args[0];

// The results reader checks results against a set: the released one, verified once. Instrumented code (Latent.Golden)
// must not run before Fuzzer.Run has mapped afl's coverage memory, so the set is read lazily inside the loop.
IReadOnlyList<CheckedFile>? vectors = null;
Fuzzer.Run(stream =>
{
    vectors ??= SetIntegrity.Read(args[1]).Files;
    using var copy = new MemoryStream();
    stream.CopyTo(copy);
    FuzzTargets.Run(target, copy.GetBuffer().AsMemory(0, (int)copy.Length), vectors);
});
return 0;
