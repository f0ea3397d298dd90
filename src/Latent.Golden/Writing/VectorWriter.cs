using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Latent.Golden.Model;
using Latent.Oracles;
using Latent.Golden.Tolerance;

namespace Latent.Golden.Writing;

/// <summary>
/// Writes a vector file in one fixed layout: UTF-8 without BOM, LF newlines, two-space indentation for the header and
/// groups, one test per line. Every token comes from <see cref="Utf8JsonWriter"/>; only the whitespace between them is
/// chosen here, so the bytes depend on nothing but the file's content.
/// </summary>
public static class VectorWriter
{
    private static readonly JsonWriterOptions Compact = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
    };

    /// <summary>The rule by which a result is accepted, stated in every file.</summary>
    public const string AcceptanceRule =
        "Choose a port profile (see profiles). A result element is accepted under it when, with that profile's band of the element: " +
        "if nan is 'required', it is NaN (any payload and sign); if 'forbidden', it is not NaN and lo <= result <= hi; if 'allowed', " +
        "it is NaN or lo <= result <= hi. Order is the format's, with -0 < +0, so a range whose ends are the same zero demands that " +
        "zero's sign. lo and hi are the format values the profile's assumptions allow, widened to an infinity where such a port may " +
        "overflow; tolerance bounds |result - exact| (computed exactly) and is informative where lo or hi is infinite.";

    /// <summary>The file's bytes.</summary>
    public static byte[] Write(VectorFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var stream = new MemoryStream();
        var text = new LayoutWriter(stream);
        text.Raw("{\n");
        text.Property(1, "schema", w => w.WriteStringValue(GoldenVersion.Schema));
        text.Property(1, "generatorVersion", w => w.WriteStringValue(GoldenVersion.Generator));
        text.Property(1, "module", w => w.WriteStringValue(GoldenVersion.Module));
        text.Property(1, "upstream", w => w.WriteStringValue(GoldenVersion.Upstream));
        text.Property(1, "definition", w => w.WriteStringValue(file.Definition.LeanName()));
        text.Property(1, "leanName", w => w.WriteStringValue("Generative.Latent." + file.Definition.LeanName()));
        text.Property(1, "format", w => w.WriteStringValue(file.Format));
        text.Property(1, "emptyMean", w => w.WriteStringValue("v1"));
        text.Property(1, "seed", w => w.WriteStringValue("0x" + file.Seed.ToString("X16", System.Globalization.CultureInfo.InvariantCulture)));
        if (file.Derivative == Derivative.None)
        {
            text.Property(1, "inputs", w => StringArray(w, file.Definition.TensorInputs()));
            text.Property(1, "result", w => w.WriteStringValue(file.Definition.HasScalarResult() ? "scalar" : "tensor"));
        }
        else
        {
            text.Property(1, "derivative", w => w.WriteStringValue(file.Derivative.Tag()));
            text.Property(1, "inputs", w => StringArray(w, file.Derivative == Derivative.Vjp ? [.. file.Definition.TensorInputs(), Derivatives.Cotangent] : file.Definition.TensorInputs()));
            text.Property(1, "result", w => w.WriteStringValue("tensor"));
            text.Property(1, "outputs", w => StringArray(w, Derivatives.Outputs(file.Definition, file.Derivative)));
        }

        text.Property(1, "portModel", PortModelObject);
        text.Property(1, "profiles", ProfilesObject);
        text.Property(1, "acceptance", w => w.WriteStringValue(AcceptanceRule));
        text.Property(1, "numberOfTests", w => w.WriteNumberValue(file.TestCount));
        text.Raw("  \"notes\": {\n");
        int noteIndex = 0;
        foreach (KeyValuePair<string, string> note in file.Notes)
        {
            text.Property(2, note.Key, w => w.WriteStringValue(note.Value), last: ++noteIndex == file.Notes.Count);
        }

        text.Raw("  },\n");
        text.Raw("  \"testGroups\": [\n");
        for (int g = 0; g < file.Groups.Count; g++)
        {
            TestGroup group = file.Groups[g];
            text.Raw("    {\"shape\": ");
            text.Value(w => IntArray(w, group.Shape));
            if (group.EmptyMean is { } convention)
            {
                text.Raw(", \"emptyMean\": ");
                text.Value(w => w.WriteStringValue(convention == EmptyMeanConvention.V3 ? "v3" : "v1"));
            }

            text.Raw(", \"tests\": [\n");
            for (int t = 0; t < group.Tests.Count; t++)
            {
                text.Raw("      ");
                VectorTest test = group.Tests[t];
                text.Value(w => Test(w, file.Format, test));
                text.Raw(t + 1 < group.Tests.Count ? ",\n" : "\n");
            }

            text.Raw(g + 1 < file.Groups.Count ? "    ]},\n" : "    ]}\n");
        }

        text.Raw("  ]\n}\n");
        return stream.ToArray();
    }

    private static void PortModelObject(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("profile", PortProfile.Default.Name());
        w.WriteNumber("expUlps", PortModel.ExpUlps);
        w.WriteNumber("logUlps", PortModel.LogUlps);
        w.WriteString("arithmetic", "IEEE 754 round to nearest even in the file's format; gradual underflow; no flush to zero");
        w.WriteString("contraction", "a fused multiply-add may replace a product followed by a sum");
        w.WriteString("summation", "the KL's coordinate terms may be summed in any order (any tree of n - 1 additions)");
        w.WriteString("klForms", "spec order ((exp(l) + mu*mu) - 1) - l, or PyTorch's Normal-Normal form (var_ratio + mu^2 - 1) - log(var_ratio) with var_ratio = exp(l/2)^2, halved per coordinate");
        w.WriteString("derivation", "docs/golden-vectors.md");
        w.WriteEndObject();
    }

    private static void ProfilesObject(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        foreach (PortProfile profile in PortProfiles.All)
        {
            w.WriteString(profile.Name(), profile.Summary());
        }

        w.WriteEndObject();
    }

    private static void Test(Utf8JsonWriter w, string format, VectorTest test)
    {
        w.WriteStartObject();
        w.WriteNumber("tcId", test.TcId);
        w.WriteString("comment", test.Comment);
        w.WritePropertyName("flags");
        StringArray(w, test.Flags);
        w.WritePropertyName("inputs");
        w.WriteStartObject();
        foreach (NamedBits input in test.Inputs)
        {
            w.WritePropertyName(input.Name);
            Values(w, format, input.Bits);
        }

        if (test.NumCodes is { } numCodes)
        {
            w.WriteNumber("numCodes", numCodes);
        }

        if (test.Index is { } index)
        {
            w.WriteNumber("index", index);
        }

        w.WriteEndObject();
        w.WritePropertyName("expected");
        w.WriteStartObject();
        WriteColumn(w, format, "specCr", test.Expected, e => e.SpecCr);
        WriteColumn(w, format, "exact", test.Expected, e => e.Exact);
        w.WritePropertyName("profiles");
        w.WriteStartObject();
        foreach (PortProfile profile in PortProfiles.All)
        {
            w.WritePropertyName(profile.Name());
            w.WriteStartObject();
            BitsColumn(w, format, "tolerance", test.Expected, e => e.For(profile).Tolerance);
            BitsColumn(w, format, "lo", test.Expected, e => e.For(profile).Lo);
            BitsColumn(w, format, "hi", test.Expected, e => e.For(profile).Hi);
            w.WritePropertyName("nan");
            w.WriteStartArray();
            foreach (Expectation e in test.Expected)
            {
                w.WriteStringValue(NanText(e.For(profile).Nan));
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>A band column: bit patterns only (the decimals of the inputs and references are for reading; bands are for checking).</summary>
    private static void BitsColumn(Utf8JsonWriter w, string format, string name, IReadOnlyList<Expectation> expected, Func<Expectation, ulong> select)
    {
        w.WritePropertyName(name);
        w.WriteStartArray();
        foreach (Expectation e in expected)
        {
            w.WriteStringValue(ValueText.Bits(format, select(e)));
        }

        w.WriteEndArray();
    }

    /// <summary>The file spelling of a NaN rule.</summary>
    public static string NanText(NanRule rule) => rule switch
    {
        NanRule.Forbidden => "forbidden",
        NanRule.Required => "required",
        NanRule.Allowed => "allowed",
        _ => throw new ArgumentOutOfRangeException(nameof(rule)),
    };

    private static void WriteColumn(Utf8JsonWriter w, string format, string name, IReadOnlyList<Expectation> expected, Func<Expectation, ulong> select)
    {
        var bits = new ulong[expected.Count];
        for (int i = 0; i < bits.Length; i++)
        {
            bits[i] = select(expected[i]);
        }

        w.WritePropertyName(name);
        Values(w, format, bits);
    }

    /// <summary>A tensor as <c>{"bits": [...], "decimal": [...]}</c>.</summary>
    private static void Values(Utf8JsonWriter w, string format, IReadOnlyList<ulong> bits)
    {
        w.WriteStartObject();
        w.WritePropertyName("bits");
        w.WriteStartArray();
        foreach (ulong b in bits)
        {
            w.WriteStringValue(ValueText.Bits(format, b));
        }

        w.WriteEndArray();
        w.WritePropertyName("decimal");
        w.WriteStartArray();
        foreach (ulong b in bits)
        {
            w.WriteStringValue(ValueText.ShortestDecimal(format, b));
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void StringArray(Utf8JsonWriter w, IEnumerable<string> values)
    {
        w.WriteStartArray();
        foreach (string v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    private static void IntArray(Utf8JsonWriter w, IEnumerable<int> values)
    {
        w.WriteStartArray();
        foreach (int v in values)
        {
            w.WriteNumberValue(v);
        }

        w.WriteEndArray();
    }

    /// <summary>Interleaves layout text with compact JSON values written by <see cref="Utf8JsonWriter"/>.</summary>
    internal sealed class LayoutWriter(Stream stream)
    {
        public void Raw(string text)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            stream.Write(bytes);
        }

        public void Value(Action<Utf8JsonWriter> write)
        {
            using var writer = new Utf8JsonWriter(stream, Compact);
            write(writer);
            writer.Flush();
        }

        /// <summary><c>"name": value</c> at an indentation level (two spaces each), followed by a comma unless last.</summary>
        public void Property(int level, string name, Action<Utf8JsonWriter> write, bool last = false)
        {
            Raw(new string(' ', 2 * level));
            Value(w => w.WriteStringValue(name));
            Raw(": ");
            Value(write);
            Raw(last ? "\n" : ",\n");
        }
    }
}
