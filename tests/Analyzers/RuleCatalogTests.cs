using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Latent.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace Latent.Analyzers.Tests;

/// <summary>
/// Meta-tests: every rule id has one analyzer, a descriptor with its help link, a docs page with the four sections, and a
/// row in the release-tracking files. A rule added without them fails here.
/// </summary>
public sealed class RuleCatalogTests
{
    private static readonly string[] ReleaseFiles = ["AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md"];

    private static readonly string[] RequiredSections = ["## Cause", "## Why it matters for the spec", "## How to fix", "## How to suppress"];

    public static TheoryData<string> RuleIdList() => [.. RuleIds()];

    [Fact]
    public void Every_rule_id_is_reported_by_exactly_one_analyzer_and_every_analyzer_reports_a_catalog_rule()
    {
        var analyzers = typeof(RuleIds).Assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToList();
        var reported = analyzers.SelectMany(a => a.SupportedDiagnostics.Select(d => (d.Id, Analyzer: a.GetType().Name))).ToList();

        Assert.Equal(RuleIds().Order(StringComparer.Ordinal), reported.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.All(analyzers, a => Assert.True(a.GetType().IsSealed, $"{a.GetType().Name} must be sealed"));
        Assert.Equal(reported.Count, analyzers.Count);
    }

    [Theory]
    [MemberData(nameof(RuleIdList))]
    public void A_rule_has_its_help_link_docs_page_and_release_row(string id)
    {
        Assert.Empty(Problems(id));
    }

    [Fact]
    public void The_check_fails_for_a_rule_without_docs_help_link_or_release_row()
    {
        // Proves the meta-test can fail: an id with nothing behind it has every problem.
        List<string> problems = Problems("LAT9999");

        Assert.Contains(problems, p => p.Contains("descriptor", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("docs page", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("release", StringComparison.Ordinal));
    }

    /// <summary>Everything missing for one rule id, as readable lines.</summary>
    private static List<string> Problems(string id)
    {
        var problems = new List<string>();
        DiagnosticDescriptor? descriptor = Descriptors.All.FirstOrDefault(d => d.Id == id);
        if (descriptor is null)
        {
            problems.Add($"{id}: no descriptor in the catalog");
        }
        else if (descriptor.HelpLinkUri != $"docs/rules/{id}.md")
        {
            problems.Add($"{id}: help link is '{descriptor.HelpLinkUri}', not docs/rules/{id}.md");
        }

        string page = RepositoryRoot.File("docs", "rules", id + ".md");
        if (!File.Exists(page))
        {
            problems.Add($"{id}: no docs page {page}");
        }
        else
        {
            string text = File.ReadAllText(page);
            if (!text.StartsWith($"# {id}: ", StringComparison.Ordinal))
            {
                problems.Add($"{id}: docs page does not start with '# {id}: <title>'");
            }

            problems.AddRange(RequiredSections.Where(s => !text.Contains(s, StringComparison.Ordinal)).Select(s => $"{id}: docs page lacks '{s}'"));
        }

        string releases = string.Join(
            "\n",
            ReleaseFiles.Select(f => File.ReadAllText(RepositoryRoot.File("src", "Latent.Analyzers", f))));
        string? row = releases.Split('\n').FirstOrDefault(line => line.StartsWith(id + " ", StringComparison.Ordinal));
        if (row is null)
        {
            problems.Add($"{id}: no release-tracking row");
        }
        else if (descriptor is not null && !row.Contains($"| {descriptor.Category} | {descriptor.DefaultSeverity} |", StringComparison.Ordinal))
        {
            problems.Add($"{id}: release row '{row}' does not match category {descriptor.Category} and severity {descriptor.DefaultSeverity}");
        }

        return problems;
    }

    private static IEnumerable<string> RuleIds() =>
        typeof(RuleIds).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!);
}
