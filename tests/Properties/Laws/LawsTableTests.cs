using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Reflection;
using System.Text.RegularExpressions;
using Latent.Ieee;
using Latent.Oracles.Independent;
using Latent.Properties.Laws.Support;
using Xunit;

namespace Latent.Properties.Laws;

/// <summary>
/// Keeps <c>spec/laws.md</c> and the law suites in step: every theorem has exactly one row, every row names tests that carry
/// its trait (and every such test is named), a status says "fails" exactly where a minimal counterexample is frozen, every
/// bit pattern in a status is an input of a frozen counterexample or a value the tests compute from one, and the generated
/// measurements block is what a fresh run computes.
/// </summary>
public partial class LawsTableTests
{
    internal static readonly Lazy<Page> LawsPage = new(() => Page.Read(Path.Combine(Latent.Properties.Support.Repository.Root, "spec", "laws.md")));

    private static string[] InReach =>
        typeof(Upstream).GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name != nameof(Upstream.Trait)).Select(f => (string)f.GetRawConstantValue()!).ToArray();

    private static string[] DocstringLaws =>
        typeof(Docstring).GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name != nameof(Docstring.Trait)).Select(f => (string)f.GetRawConstantValue()!).ToArray();

    [Fact]
    public void Every_theorem_and_docstring_property_has_exactly_one_row()
    {
        Page page = LawsPage.Value;
        Assert.Equal(InReach.Concat(DocstringLaws).Order(), page.Laws.Select(r => r.Name).Order());
        Assert.Equal(Upstream.OutOfReach.Order(), page.OutOfReach.Order());
        Assert.Empty(page.Laws.Select(r => r.Name).Intersect(page.OutOfReach));
    }

    [Fact]
    public void Rows_name_exactly_the_tests_that_carry_their_trait()
    {
        Type[] types = typeof(LawsTableTests).Assembly.GetTypes();
        foreach (Row row in LawsPage.Value.Laws)
        {
            var listed = new HashSet<string>(row.Tests);
            Assert.NotEmpty(listed);
            foreach (string test in listed)
            {
                string[] parts = test.Split('.');
                Assert.True(parts.Length == 2, $"{row.Name}: '{test}' is not Class.Method");
                MethodInfo? method = types.Where(t => ClassName(t) == parts[0]).Select(t => t.GetMethod(parts[1])).SingleOrDefault(m => m is not null);
                Assert.True(method is not null, $"{row.Name}: no test {test}");
                Assert.True(Traits(method).Contains(row.Name), $"{row.Name}: {test} does not carry the trait");
            }

            var carrying = types.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => Traits(m).Contains(row.Name)).Select(m => $"{ClassName(t)}.{m.Name}")).ToHashSet();
            Assert.True(carrying.SetEquals(listed), $"{row.Name}: tests with the trait {string.Join(", ", carrying.Order())} but the row lists {string.Join(", ", listed.Order())}");
        }
    }

    [Fact]
    public void A_status_says_fails_exactly_where_a_minimal_counterexample_is_frozen_and_quotes_it()
    {
        foreach (Row row in LawsPage.Value.Laws)
        {
            foreach ((string format, string cell) in new[] { ("f64", row.F64), ("f32", row.F32) })
            {
                FrozenCase[] minimal = RegressionCorpus.All.Where(c => c.Law == row.Name && c.Format == format && c.MinimalFor is { Length: > 0 }).ToArray();
                if (minimal.Length == 0)
                {
                    Assert.True(
                        cell.StartsWith("**holds exactly**", StringComparison.Ordinal) || cell.StartsWith("**holds within bound**", StringComparison.Ordinal),
                        $"{row.Name} ({format}): no counterexample is frozen, so the status must be a 'holds' one: {cell}");
                    continue;
                }

                Assert.True(cell.StartsWith("**fails**", StringComparison.Ordinal), $"{row.Name} ({format}): counterexamples are frozen but the status is: {cell}");
                foreach (FrozenCase c in minimal)
                {
                    foreach (string name in c.Inputs.Keys.Where(n => c.Inputs[n].Any(bits => !IsZeroBits(bits))))
                    {
                        Assert.Contains(c.Quote(name), cell);
                    }
                }
            }
        }
    }

    [Fact]
    public void Every_bit_pattern_in_a_status_is_computed_by_the_tests()
    {
        foreach (Row row in LawsPage.Value.Laws)
        {
            AssertComputed<double, Binary64>(row.Name, row.F64);
            AssertComputed<float, Binary32>(row.Name, row.F32);
        }
    }

    [Fact]
    public void The_measurements_block_is_what_a_fresh_run_computes()
    {
        string path = Path.Combine(Latent.Properties.Support.Repository.Root, "spec", "laws.md");
        string fresh = LawMeasurements.Markdown();
        string? inPage = LawMeasurements.InPage(File.ReadAllText(path));
        if (inPage != fresh && Environment.GetEnvironmentVariable("LATENT_WRITE_DOCS") == "1")
        {
            LawMeasurements.Rewrite(path, fresh);
            inPage = LawMeasurements.InPage(File.ReadAllText(path));
        }

        Assert.True(inPage == fresh, $"spec/laws.md's measurements are not what the tests compute now; regenerate the block (its first line says how). Fresh block:\n{fresh}");
    }

    /// <summary>The cases the law properties of one format generate per run: the sum of their <c>MaxTest</c>.</summary>
    internal static double GeneratedCasesPerRun(string format)
    {
        string suffix = format.ToUpperInvariant();
        return typeof(LawsTableTests).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(LawsTableTests).Namespace && !t.IsAbstract && t.Name.EndsWith(suffix, StringComparison.Ordinal))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            .Select(m => m.GetCustomAttribute<FsCheck.Xunit.PropertyAttribute>())
            .Sum(a => a is null ? 0 : a.MaxTest);
    }

    /// <summary>Every <c>0x…</c> token of the format's width in <paramref name="cell"/> is an input of a frozen counterexample
    /// of the law, a value any semantics gives on one, or a value a test of the row computes and prints.</summary>
    private static void AssertComputed<T, TFormat>(string law, string cell)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        void Add(T value) => known.Add(IeeeText.FormatBits<T, TFormat>(value));
        foreach (FrozenCase c in RegressionCorpus.All.Where(c => c.Law == law && c.Format == TFormat.Name && c.MinimalFor is { Length: > 0 }))
        {
            LawInput<T> input = c.Decode<T, TFormat>();
            foreach (T v in input.Mu.Concat(input.Logvar).Concat(input.Eps))
            {
                Add(v);
            }

            foreach (Semantics s in Enum.GetValues<Semantics>())
            {
                if (input.Eps.Length > 0)
                {
                    Array.ForEach(Run<T, TFormat>.Reparameterize(s, input.Mu, input.Logvar, input.Eps), Add);
                }
                else
                {
                    Add(Run<T, TFormat>.Kl(s, input.Mu, input.Logvar));
                }
            }
        }

        if (law == Upstream.CoordinateKlEqZeroIff)
        {
            (T mu, T logvar) = CoordinateKlLaws<T, TFormat>.FirstExactViolation();
            Add(mu);
            Add(logvar);
        }

        if (law == Upstream.SummedKlEqZeroIff)
        {
            (T[] mu, T[] logvar) = SummedKlLaws<T, TFormat>.CancellingPair();
            Array.ForEach(mu.Concat(logvar).ToArray(), Add);
            Add(Run<T, TFormat>.Kl(Semantics.Exact, mu, logvar));
        }

        int digits = TFormat.BitWidth / 4;
        foreach (Match token in HexToken().Matches(cell).Where(m => m.Length == 2 + digits))
        {
            Assert.True(known.Contains(token.Value), $"{law} ({TFormat.Name}): {token.Value} in laws.md is neither a frozen input nor a computed value");
        }

        Assert.DoesNotContain(HexToken().Matches(cell), m => m.Length != 2 + digits);
    }

    private static bool IsZeroBits(string bits) => bits.Skip(2).All(c => c == '0');

    internal static string ClassName(Type type)
    {
        string name = type.Name;
        int tick = name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? name : name[..tick];
    }

    /// <summary>The Upstream and Docstring trait values of a test method.</summary>
    internal static HashSet<string> Traits(MethodInfo method) =>
        CustomAttributeData.GetCustomAttributes(method)
            .Where(a => a.AttributeType == typeof(TraitAttribute) && a.ConstructorArguments.Count == 2)
            .Where(a => (string?)a.ConstructorArguments[0].Value is Upstream.Trait or Docstring.Trait)
            .Select(a => (string)a.ConstructorArguments[1].Value!)
            .ToHashSet();

    [GeneratedRegex("0x[0-9A-F]+")]
    private static partial Regex HexToken();

    internal sealed record Row(string Name, string F64, string F32, string[] Tests);

    /// <summary>The two hand-written tables of <c>spec/laws.md</c>, recognised by their header rows; the generated measurements block is checked whole.</summary>
    internal sealed record Page(List<Row> Laws, List<string> OutOfReach)
    {
        public static Page Read(string path)
        {
            var page = new Page([], []);
            string? header = null;
            foreach (string line in File.ReadLines(path))
            {
                if (!line.StartsWith('|'))
                {
                    header = null;
                    continue;
                }

                string[] cells = Cells(line);
                if (header is null)
                {
                    header = cells[0];
                    continue;
                }

                if (cells.All(c => c.Trim('-', ':').Length == 0))
                {
                    continue;
                }

                switch (header)
                {
                    case "Upstream theorem" when cells.Length == 6:
                        page.Laws.Add(new Row(Code(cells[0]).Single(), cells[3], cells[4], Code(cells[5])));
                        break;
                    case "Upstream theorem" when cells.Length == 2:
                        page.OutOfReach.Add(Code(cells[0]).Single());
                        break;
                    case "Measurement":
                        break;
                    default:
                        throw new InvalidDataException($"Unexpected table row in laws.md: {line}");
                }
            }

            return page;
        }

        /// <summary>The cells of a table row, split at pipes that are not escaped.</summary>
        private static string[] Cells(string line) =>
            Regex.Split(line.Trim().Trim('|'), @"(?<!\\)\|").Select(c => c.Trim()).ToArray();

        /// <summary>The backticked spans of a cell.</summary>
        private static string[] Code(string cell) =>
            Regex.Matches(cell, "`([^`]+)`").Select(m => m.Groups[1].Value).ToArray();
    }
}
