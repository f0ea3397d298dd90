using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using Latent.Bench;

// latent bench: every number of docs/performance.md, in one run, written with the command that made it.
string outPath = Path.Combine(Tools.Root, "docs", "performance.md");
string plotPath = Path.Combine(Tools.Root, "docs", "performance.png");
int[] sizes = [1_000, 100_000, 10_000_000];
long drtCases = 100_000; // latent drt's default (docs/accuracy.md is that run); the short run below shows the startup's share
long drtShortCases = 20_000;
for (int i = 0; i < args.Length - 1; i++)
{
    switch (args[i])
    {
        case "--out": outPath = args[++i]; break;
        case "--plot": plotPath = args[++i]; break;
        case "--sizes": sizes = args[++i].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray(); break;
        case "--drt-cases": drtCases = long.Parse(args[++i], CultureInfo.InvariantCulture); break;
        default: break;
    }
}

string load = Report.Load();
var kernels = new List<KernelRow>();
void Kernel<T>(string format)
    where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>, System.Numerics.IExponentialFunctions<T>
{
    foreach (int n in sizes)
    {
        var k = new Kernels<T>(n, seed: n);
        bool same = k.MirrorEqualsBareLoop();
        double[] e = SideBySide.Measure(n, k.MirrorExp, k.BareExp, k.TensorPrimitivesExp);
        double[] r = SideBySide.Measure(n, k.MirrorReparameterize, k.BareReparameterize, k.TensorPrimitivesReparameterize);
        double[] l = SideBySide.Measure(n, k.MirrorKl, k.BareKl, k.TensorPrimitivesKl);
        kernels.Add(new KernelRow("exp", format, n, e[0], e[1], e[2], same));
        kernels.Add(new KernelRow("reparameterizeDiag", format, n, r[0], r[1], r[2], same));
        kernels.Add(new KernelRow("diagonalGaussianKlToStandard", format, n, l[0], l[1], l[2], same));
        Console.Error.WriteLine($"bench: kernels {format} n={n} done");
    }
}

Kernel<double>("f64");
Kernel<float>("f32");

(double _, string peerJson) = Tools.Run("/usr/bin/python3", Path.Combine(AppContext.BaseDirectory, "peers.py"), string.Join(',', sizes));
using JsonDocument peers = JsonDocument.Parse(peerJson);
Console.Error.WriteLine("bench: peers done");

OracleCosts.Exp exp64 = OracleCosts.ExpCosts(single: false);
OracleCosts.Exp exp32 = OracleCosts.ExpCosts(single: true);
(double kl64, double kl32) = OracleCosts.ExactKl();
Console.Error.WriteLine("bench: oracle costs done");
(double drtRate, long drtTotal, double drtSeconds) = Tools.Drt(drtCases);
(double drtShortRate, long drtShortTotal, double drtShortSeconds) = Tools.Drt(drtShortCases);
double golden = Tools.Golden();
double check = Tools.Check();
Console.Error.WriteLine("bench: tools done");
Exhaustive? exhaustive = Exhaustive.FromDoc(Path.Combine(Tools.Root, "docs", "exhaustive.md"));

File.WriteAllText(outPath, Report.Markdown(kernels, peers.RootElement, exp64, exp32, kl64, kl32, (drtRate, drtTotal, drtSeconds), (drtShortRate, drtShortTotal, drtShortSeconds), golden, check, exhaustive, sizes, load));
Report.Plot(kernels, peers.RootElement, sizes, plotPath);
Console.WriteLine($"bench: wrote {outPath} and {plotPath}");
