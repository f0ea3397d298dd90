using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Text.Json;
using System.Xml.Linq;
using Latent.Ieee;
using Latent.Oracles;
using Xunit;

namespace Latent.Properties;

/// <summary>
/// The result contracts of each definition are one data table, <c>src/Latent/GenerativeLatent/SpecialValues/&lt;definition&gt;.json</c>:
/// its rows are the special-value table of the mirror's XML remarks, word for word, and every example case of every row runs
/// through the C# mirror and through the Lean text (the spec evaluator), in binary64 and binary32, with the expected result.
/// Prose and behaviour cannot drift apart: changing either fails here.
/// </summary>
public class SpecialValuesTests
{
    public static TheoryData<string> DefinitionNames() => [.. Definitions.All.Select(d => d.LeanName())];

    [Theory]
    [MemberData(nameof(DefinitionNames))]
    public void The_xml_remarks_table_is_the_data_table(string definition)
    {
        Table table = Table.Read(definition);
        var items = RemarksTable(definition);
        Assert.Equal(table.Rows.Select(r => (r.Inputs, r.Result)), items);
    }

    [Theory]
    [MemberData(nameof(DefinitionNames))]
    public void Every_case_holds_in_the_mirror_and_in_the_lean_text(string definition)
    {
        Table table = Table.Read(definition);
        Assert.NotEmpty(table.Rows);
        int checkedCases = 0;
        foreach (Row row in table.Rows)
        {
            Assert.NotEmpty(row.Cases);
            foreach (JsonElement c in row.Cases)
            {
                checkedCases += CheckCase<double, Binary64>(table.Definition, row, c) + CheckCase<float, Binary32>(table.Definition, row, c);
            }
        }

        Assert.True(checkedCases >= table.Rows.Count, $"only {checkedCases} cases ran");
    }

    private static int CheckCase<T, TFormat>(Definition definition, Row row, JsonElement c)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        if (c.TryGetProperty("formats", out JsonElement formats) && !formats.EnumerateArray().Any(f => f.GetString() == TFormat.Name))
        {
            return 0;
        }

        Invocation<T> call = ToCall<T, TFormat>(definition, c);
        string[] expect = [.. c.GetProperty("expect").EnumerateArray().Select(e => e.GetString()!)];
        foreach ((string side, T[] got) in new[] { ("mirror", call.Mirror<IeeeContext<T>>()), ("Lean text", call.Spec<IeeeContext<T>>()) })
        {
            Assert.Equal(expect.Length, got.Length);
            for (int i = 0; i < expect.Length; i++)
            {
                Assert.True(
                    Matches<T, TFormat>(expect[i], got[i]),
                    $"{definition.LeanName()} {TFormat.Name}, row '{row.Inputs}': the {side} gives {IeeeText.FormatBits<T, TFormat>(got[i])} at element {i}, the table says {expect[i]}");
            }
        }

        return 1;
    }

    private static bool Matches<T, TFormat>(string expected, T value)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T> =>
        expected switch
        {
            "nan" => T.IsNaN(value),
            "<=0" => !T.IsNaN(value) && value <= T.Zero,
            _ => !T.IsNaN(value) && TFormat.ToBits(value) == TFormat.ToBits(Parse<T, TFormat>(expected)),
        };

    private static Invocation<T> ToCall<T, TFormat>(Definition definition, JsonElement c)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        T[] Values(JsonElement array) => [.. array.EnumerateArray().Select(v => Parse<T, TFormat>(v.GetString()!))];
        if (definition == Definition.QuantizeAt)
        {
            T[][] codes = [.. c.GetProperty("codebook").EnumerateArray().Select(Values)];
            var book = new Codebook<T>(codes.Length, Shape.Of(codes[0].Length), codes.SelectMany(x => x).ToArray());
            return new Invocation<T>(definition, book.Latent, new Dictionary<string, T[]>(), book, c.GetProperty("index").GetInt32());
        }

        var tensors = definition.TensorInputs().ToDictionary(name => name, name => Values(c.GetProperty(name)), StringComparer.Ordinal);
        EmptyMeanConvention emptyMean = c.TryGetProperty("emptyMean", out JsonElement e) && e.GetString() == "v3" ? EmptyMeanConvention.V3 : EmptyMeanConvention.V1;
        return new Invocation<T>(definition, Shape.Of(tensors.Values.First().Length), tensors, EmptyMean: emptyMean);
    }

    private static T Parse<T, TFormat>(string text)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T> =>
        IeeeText.TryParse<T, TFormat>(text, out T value) is { } error ? throw new FormatException($"'{text}': {error}") : value;

    /// <summary>The (term, description) items of the table in the XML remarks of the definition's mirror, as plain text.</summary>
    private static List<(string Inputs, string Result)> RemarksTable(string definition)
    {
        string xml = Path.ChangeExtension(typeof(GenerativeLatent).Assembly.Location, ".xml");
        string pascal = char.ToUpperInvariant(definition[0]) + definition[1..];
        XElement member = XDocument.Load(xml).Descendants("member")
            .Single(m => ((string?)m.Attribute("name"))!.StartsWith($"M:Latent.GenerativeLatent.{pascal}``", StringComparison.Ordinal)
                && m.Descendants("list").Any());
        return [.. member.Descendants("list").Single().Elements("item")
            .Select(i => (Text(i.Element("term")!), Text(i.Element("description")!)))];
    }

    private static string Text(XElement element) => string.Join(" ", element.Value.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private sealed record Row(string Inputs, string Result, IReadOnlyList<JsonElement> Cases);

    private sealed record Table(Definition Definition, IReadOnlyList<Row> Rows)
    {
        public static Table Read(string definition)
        {
            string path = Path.Combine(Support.Repository.Root, "src", "Latent", "GenerativeLatent", "SpecialValues", definition + ".json");
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
            JsonElement root = document.RootElement.Clone();
            Assert.Equal(definition, root.GetProperty("definition").GetString());
            var rows = root.GetProperty("rows").EnumerateArray()
                .Select(r => new Row(r.GetProperty("inputs").GetString()!, r.GetProperty("result").GetString()!, [.. r.GetProperty("cases").EnumerateArray()]))
                .ToList();
            return new Table(Definitions.Find(definition)!.Value, rows);
        }
    }
}
