using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using NewsApi.Tests.Shared;

namespace NewsApi.Api.Tests;

/// <summary>SPEC section 3's article filters, applied by the test to the articles it read from YAML.</summary>
public static class ExpectedQuery
{
    /// <summary>The published articles of <paramref name="articles"/> that a query string selects.</summary>
    public static List<IndexedArticle> Select(IEnumerable<IndexedArticle> articles, string query)
    {
        var filters = new List<Func<IndexedArticle, bool>> { a => a.Published };
        foreach (var (key, values) in QueryHelpers.ParseQuery(query))
        {
            var present = values.Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList();
            if (present.Count == 0)
            {
                continue;
            }

            var value = present[0];
            filters.Add(key switch
            {
                "minQuality" => a => a.Quality >= Int(value),
                "maxQuality" => a => a.Quality <= Int(value),
                "minHeat" => a => a.Heat >= Int(value),
                "maxHeat" => a => a.Heat <= Int(value),
                "topic" => a => present.Select(ReferenceWords.Slug).Intersect(a.TopicSlugs).Any(),
                "provider" => a => a.Provider?.Key == Fold(value.Trim()),
                "type" => a => Fold(a.Type) == Fold(value.Trim()),
                "category" => a => Fold(a.Category) == Fold(value.Trim()),
                "from" => a => a.PublishedDateTime >= Instant(value),
                "to" => a => a.PublishedDateTime < Instant(value),
                "q" => a => CorpusIndex.MatchesWords(a, value),
                _ => _ => true,
            });
        }

        return [.. articles.Where(a => filters.TrueForAll(f => f(a)))];
    }

    /// <summary>Case folding as SPEC's "case-insensitive" means it, in any script.</summary>
    static string? Fold(string? text) => text?.ToLowerInvariant();

    static int Int(string text) => int.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    /// <summary>A date or date-time; UTC when it has no offset.</summary>
    public static DateTime Instant(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).UtcDateTime;
}
