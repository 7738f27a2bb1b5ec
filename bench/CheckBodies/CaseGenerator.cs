using System.Globalization;

namespace NewsApi.CheckBodies;

/// <summary>
/// Draws requests of the load test's shapes (bench/wrk/shapes.lua), seeded: the same database and
/// seed give the same requests. Kinds take turns, so even a short run covers each of them.
/// </summary>
sealed class CaseGenerator(Catalog catalog, Truth truth, Random random)
{
    static readonly string[] Kinds =
    [
        "list-default", "list-filters", "list-combo", "list-sorts", "list-deep", "list-past-end", "list-q",
        "topic-articles", "provider-articles", "article-detail", "article-unpublished", "article-related",
        "providers", "topics", "topic-one", "provider-one", "unknown-filter",
    ];

    static readonly string[] Sorts = ["-publishedDateTime", "publishedDateTime", "-quality", "quality", "-heat", "heat", "title", "-title"];

    /// <summary>The same small vocabulary as shapes.lua: topic words, title-template words and prefixes of them.</summary>
    static readonly string[] QWords =
    [
        "ai", "cloud", "secur", "security", "data", "python", "rust", "azure", "kubernetes", "guide", "announces", "preview",
        "roadmap", "partnership", "tools", "available", "report", "building", "mistakes", "ways", "learning", "open", "source",
        "devops", "quantum", "comp", "dock", "linux", "windows", "mobile", "api", "startups", "gaming", "new", "the", "inside",
    ];

    Dictionary<string, long>? _providerCounts;
    Dictionary<string, long>? _topicCounts;

    public List<Case> Generate(int count)
    {
        var cases = new List<Case>(count);
        for (var i = 0; i < count; i++)
        {
            cases.Add(Make(Kinds[i % Kinds.Length]));
        }

        return cases;
    }

    Case Make(string kind)
    {
        switch (kind)
        {
            case "list-default":
            {
                var size = random.Next(10, 31);
                return List(kind, "/api/articles", new ArticleFilter { Page = random.Next(1, Pages(catalog.PublishedIds.Count, size) + 1), PageSize = size });
            }

            case "list-filters":
                return List(kind, "/api/articles", AddFilters(new ArticleFilter { Page = random.Next(1, 4) }, 1));
            case "list-combo":
                return List(kind, "/api/articles", AddFilters(new ArticleFilter { Page = random.Next(1, 3), Sort = Pick(Sorts) }, random.Next(2, 5)));
            case "list-sorts":
                return List(kind, "/api/articles", new ArticleFilter { Sort = Pick(Sorts), Page = random.Next(1, Pages(catalog.PublishedIds.Count, 20) + 1) });
            case "list-deep":
            {
                var last = Pages(catalog.PublishedIds.Count, 20);
                var deep = Math.Min(5000, last);
                return List(kind, "/api/articles", new ArticleFilter { Sort = Pick(Sorts), Page = Math.Max(1, deep - random.Next(0, Math.Max(1, deep / 10))) });
            }

            case "list-past-end":
                return List(kind, "/api/articles", new ArticleFilter { Page = Pages(catalog.PublishedIds.Count, 20) + random.Next(1, 100) });
            case "list-q":
            {
                var filter = new ArticleFilter { Q = string.Join(' ', Enumerable.Range(0, random.Next(1, 3)).Select(_ => Pick(QWords))), Page = random.Next(1, 3) };
                if (random.Next(3) == 0)
                {
                    filter.MinQuality = random.Next(0, 150);
                }

                if (random.Next(3) == 0)
                {
                    filter.Sort = Pick(Sorts);
                }

                return List(kind, "/api/articles", filter);
            }

            case "topic-articles":
            {
                var (slug, _) = Pick(catalog.Topics);
                var filter = new ArticleFilter { ScopeTopicSlug = slug, Page = random.Next(1, 6), Sort = random.Next(2) == 0 ? Pick(Sorts) : null };
                return List(kind, $"/api/topics/{Uri.EscapeDataString(slug)}/articles", filter);
            }

            case "provider-articles":
            {
                var key = Pick(catalog.ProviderKeys);
                var filter = new ArticleFilter { ScopeProviderKey = key, Page = random.Next(1, 4), Sort = random.Next(2) == 0 ? Pick(Sorts) : null };
                return List(kind, $"/api/providers/{Uri.EscapeDataString(key)}/articles", filter);
            }

            case "article-detail":
            {
                var id = Pick(catalog.PublishedIds);
                var c = new Case { Kind = kind, Url = $"/api/articles/{Uri.EscapeDataString(id)}" };
                var p = new[] { ("@id", (object)id) };
                c.Fields["id"] = id;
                c.Fields["title"] = truth.Text("SELECT Title FROM Articles WHERE Id = @id", p);
                c.Fields["relatedCount"] = truth.Scalar("SELECT count(*) FROM RelatedLinks WHERE ArticleId = @id", p);
                c.Fields["topics#"] = truth.Scalar("SELECT count(*) FROM ArticleTopics WHERE ArticleId = @id", p);
                return c;
            }

            case "article-unpublished":
                return catalog.UnpublishedIds.Count == 0
                    ? new Case { Kind = kind, Url = "/api/articles/no-such-article-" + random.Next().ToString(CultureInfo.InvariantCulture), Status = 404 }
                    : new Case { Kind = kind, Url = $"/api/articles/{Uri.EscapeDataString(Pick(catalog.UnpublishedIds))}", Status = 404 };
            case "article-related":
            {
                if (catalog.IdsWithRelated.Count == 0)
                {
                    return Make("article-detail");
                }

                var id = Pick(catalog.IdsWithRelated);
                var size = random.Next(1, 4);
                return new Case
                {
                    Kind = kind,
                    Url = $"/api/articles/{Uri.EscapeDataString(id)}/related?pageSize={size.ToString(CultureInfo.InvariantCulture)}",
                    Paged = true,
                    PageSize = size,
                    TotalCount = truth.Scalar("SELECT count(*) FROM RelatedLinks WHERE ArticleId = @id", [("@id", id)]),
                };
            }

            case "providers":
                return Catalogue(kind, "/api/providers", "domain", ProviderCounts(),
                    "SELECT ProviderKey, count(*) AS n FROM Articles WHERE Published = 1 AND ProviderKey IS NOT NULL GROUP BY ProviderKey ORDER BY n DESC, ProviderKey");
            case "topics":
                return Catalogue(kind, "/api/topics", "slug", TopicCounts(),
                    "SELECT x.TopicSlug, count(*) AS n FROM ArticleTopics x JOIN Articles a ON a.Id = x.ArticleId WHERE a.Published = 1 GROUP BY x.TopicSlug ORDER BY n DESC, x.TopicSlug");
            case "topic-one":
            {
                var (slug, name) = Pick(catalog.Topics);
                var c = new Case { Kind = kind, Url = $"/api/topics/{Uri.EscapeDataString(random.Next(2) == 0 ? slug : name)}" };
                c.Fields["slug"] = slug;
                c.Fields["articleCount"] = TopicCounts()[slug];
                return c;
            }

            case "provider-one":
            {
                var key = Pick(catalog.ProviderKeys);
                var c = new Case { Kind = kind, Url = $"/api/providers/{Uri.EscapeDataString(key)}" };
                c.Fields["domain"] = key;
                c.Fields["articleCount"] = ProviderCounts()[key];
                return c;
            }

            case "unknown-filter":
            {
                // A filter value that matches nothing: 200 and an empty page (SPEC section 3).
                var filter = new ArticleFilter();
                if (random.Next(2) == 0)
                {
                    filter.Topics.Add(("no-such-topic-" + random.Next(1000).ToString(CultureInfo.InvariantCulture), "no-such-topic"));
                }
                else
                {
                    filter.Provider = "no-such-provider.example";
                }

                return List(kind, "/api/articles", filter);
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown kind");
        }
    }

    static Case List(string kind, string path, ArticleFilter filter) => new()
    {
        Kind = kind,
        Url = path + filter.QueryString(),
        Filter = filter,
        Paged = true,
        Page = filter.Page ?? 1,
        PageSize = filter.PageSize ?? 20,
    };

    Case Catalogue(string kind, string path, string itemKey, Dictionary<string, long> counts, string byCountSql)
    {
        var size = random.Next(1, 101);
        var page = random.Next(1, Pages(counts.Count, size) + 2);
        var byName = random.Next(2) == 0;
        var url = string.Create(CultureInfo.InvariantCulture, $"{path}?page={page}&pageSize={size}{(byName ? "&sort=name" : "")}");
        var offset = (page - 1) * size;
        return new Case
        {
            Kind = kind,
            Url = url,
            Paged = true,
            Page = page,
            PageSize = size,
            ItemKey = itemKey,
            TotalCount = counts.Count,

            // By name, the expected order would need the product's choice of name; the count and each item's articleCount are still checked.
            Keys = byName ? null : truth.Strings(byCountSql + string.Create(CultureInfo.InvariantCulture, $" LIMIT {size} OFFSET {offset}")),
            ArticleCountOf = key => counts.TryGetValue(key, out var n) ? n : -1,
        };
    }

    ArticleFilter AddFilters(ArticleFilter filter, int howMany)
    {
        var kinds = new List<int> { 0, 1, 2, 3, 4, 5, 6, 7, 8 };
        for (var n = 0; n < howMany && kinds.Count > 0; n++)
        {
            var pick = kinds[random.Next(kinds.Count)];
            kinds.Remove(pick);
            switch (pick)
            {
                case 0:
                    filter.MinQuality = random.Next(0, 180);
                    break;
                case 1:
                    filter.MaxQuality = random.Next(filter.MinQuality ?? 0, 201);
                    break;
                case 2:
                    filter.MinHeat = random.Next(0, 250);
                    break;
                case 3:
                    filter.MaxHeat = random.Next(filter.MinHeat ?? 0, 301);
                    break;
                case 4:
                    for (var t = random.Next(1, 3); t > 0; t--)
                    {
                        var (slug, name) = Pick(catalog.Topics);
                        filter.Topics.Add((random.Next(2) == 0 ? slug : name.ToUpperInvariant(), slug));
                    }

                    break;
                case 5:
                    filter.Provider = Pick(catalog.ProviderKeys);
                    break;
                case 6:
                    if (catalog.Types.Count > 0)
                    {
                        var type = Pick(catalog.Types);
                        filter.Type = random.Next(2) == 0 ? type : type.ToUpperInvariant();
                    }

                    break;
                case 7:
                    if (catalog.Categories.Count > 0)
                    {
                        filter.Category = Pick(catalog.Categories);
                    }

                    break;
                default:
                    var from = new DateTime(random.Next(catalog.FirstYear, catalog.LastYear + 1), random.Next(1, 13), random.Next(1, 29), 0, 0, 0, DateTimeKind.Utc);
                    var to = from.AddDays(random.Next(1, 900));
                    filter.From = random.Next(4) == 0 ? null : from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    filter.To = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    break;
            }
        }

        // Bounds drawn in either order: keep minimum <= maximum, or the request is a (correct) 400.
        if (filter.MinQuality > filter.MaxQuality)
        {
            (filter.MinQuality, filter.MaxQuality) = (filter.MaxQuality, filter.MinQuality);
        }

        if (filter.MinHeat > filter.MaxHeat)
        {
            (filter.MinHeat, filter.MaxHeat) = (filter.MaxHeat, filter.MinHeat);
        }

        return filter;
    }

    Dictionary<string, long> ProviderCounts() => _providerCounts ??= Counts(
        "SELECT ProviderKey, count(*) FROM Articles WHERE Published = 1 AND ProviderKey IS NOT NULL GROUP BY ProviderKey");

    Dictionary<string, long> TopicCounts() => _topicCounts ??= Counts(
        "SELECT x.TopicSlug, count(*) FROM ArticleTopics x JOIN Articles a ON a.Id = x.ArticleId WHERE a.Published = 1 GROUP BY x.TopicSlug");

    Dictionary<string, long> Counts(string sql) =>
        truth.Rows(sql, r => (Key: r.GetString(0), Count: r.GetInt64(1))).ToDictionary(r => r.Key, r => r.Count, StringComparer.Ordinal);

    static int Pages(int total, int size) => Math.Max(1, (total + size - 1) / size);

    T Pick<T>(List<T> list) => list[random.Next(list.Count)];

    T Pick<T>(T[] array) => array[random.Next(array.Length)];
}
