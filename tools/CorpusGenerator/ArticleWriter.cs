namespace NewsApi.CorpusGenerator;

/// <summary>Writes one article file: Jekyll front matter in the layout of the real files, then an empty body.</summary>
internal static class ArticleWriter
{
    public static void Write(TextWriter writer, GeneratedArticle article)
    {
        writer.Write("---\n");
        Field(writer, "", "category", article.Category);
        Field(writer, "", "title", YamlText.Quoted(article.Title));
        Field(writer, "", "excerpt", article.Excerpt is null ? null : YamlText.Quoted(article.Excerpt));
        Field(writer, "", "publishedDateTime", YamlText.DateTime(article.PublishedAt));
        Field(writer, "", "originalUrl", YamlText.Quoted(article.OriginalUrl));
        Field(writer, "", "webUrl", article.WebUrl is null ? null : YamlText.Quoted(article.WebUrl));
        Field(writer, "", "ampWebUrl", article.AmpWebUrl is null ? null : YamlText.Quoted(article.AmpWebUrl));
        Field(writer, "", "cdnAmpWebUrl", article.CdnAmpWebUrl is null ? null : YamlText.Quoted(article.CdnAmpWebUrl));
        Field(writer, "", "type", YamlText.Scalar(article.Type));
        Field(writer, "", "quality", article.Quality is { } quality ? YamlText.Int(quality) : null);
        Field(writer, "", "heat", YamlText.Int(article.Heat));
        Field(writer, "", "published", YamlText.Bool(article.Published));
        if (article.Extra is { } extra)
        {
            WriteExtra(writer, extra);
        }

        writer.Write('\n');

        if (article.FeaturedContent is not null)
        {
            Field(writer, "", "featuredContent", YamlText.Quoted(article.FeaturedContent));
            writer.Write('\n');
        }

        writer.Write("provider:\n");
        Field(writer, "  ", "name", YamlText.Scalar(article.ProviderName));
        Field(writer, "  ", "domain", article.Provider.Domain is null ? null : YamlText.Scalar(article.Provider.Domain));
        if (article.Provider.HasLogo && article.Provider.Domain is { } domain)
        {
            writer.Write("  images:\n");
            WriteImage(writer, "    ", new GeneratedImage(
                $"https://everyday-cc.github.io/news/assets/images/organizations/{domain}-50x50.jpg", 50, 50, IsCached: false, Title: null), withCache: false);
        }

        writer.Write("\ntopics:\n");
        foreach (var topic in article.Topics)
        {
            writer.Write("  - ");
            writer.Write(YamlText.Scalar(topic));
            writer.Write('\n');
        }

        if (article.Images.Count > 0)
        {
            writer.Write("\nimages:\n");
            foreach (var image in article.Images)
            {
                WriteImage(writer, "  ", image, withCache: true);
            }
        }

        if (article.Related.Count > 0)
        {
            writer.Write("\nrelated:\n");
            foreach (var related in article.Related)
            {
                WriteRelated(writer, related);
            }
        }

        writer.Write('\n');
        Field(writer, "", "secured", YamlText.Quoted(article.Secured));
        writer.Write("---\n\n");
    }

    static void WriteExtra(TextWriter writer, ExtraFields extra)
    {
        Field(writer, "", "author", extra.Author is null ? null : YamlText.Quoted(extra.Author));
        Field(writer, "", "tags", extra.Tags is null ? null : "[" + string.Join(", ", extra.Tags.Select(YamlText.Scalar)) + "]");
        Field(writer, "", "readingTime", extra.ReadingTime is { } minutes ? YamlText.Int(minutes) : null);
        if (extra.Sponsor is not null)
        {
            writer.Write("sponsor:\n");
            Field(writer, "  ", "name", YamlText.Scalar(extra.Sponsor));
            Field(writer, "  ", "disclosed", YamlText.Bool(true));
        }
    }

    static void WriteRelated(TextWriter writer, GeneratedRelated related)
    {
        Field(writer, "  - ", "title", YamlText.Quoted(related.Title));
        Field(writer, "    ", "excerpt", related.Excerpt is null ? null : YamlText.Quoted(related.Excerpt));
        Field(writer, "    ", "publishedDateTime", YamlText.DateTime(related.PublishedAt));
        Field(writer, "    ", "webUrl", YamlText.Quoted(related.WebUrl));
        Field(writer, "    ", "type", YamlText.Scalar(related.Type));
        writer.Write("    provider:\n");
        Field(writer, "      ", "name", YamlText.Scalar(related.Provider.Name));
        Field(writer, "      ", "domain", related.Provider.Domain is null ? null : YamlText.Scalar(related.Provider.Domain));
        Field(writer, "    ", "quality", related.Quality is { } quality ? YamlText.Int(quality) : null);
        if (related.Images.Count > 0)
        {
            writer.Write("    images:\n");
            foreach (var image in related.Images)
            {
                WriteImage(writer, "      ", image, withCache: true);
            }
        }
    }

    static void WriteImage(TextWriter writer, string indent, GeneratedImage image, bool withCache)
    {
        var inner = new string(' ', indent.Length + 2);
        Field(writer, indent + "- ", "url", YamlText.Quoted(image.Url));
        Field(writer, inner, "width", YamlText.Int(image.Width));
        Field(writer, inner, "height", YamlText.Int(image.Height));
        if (withCache)
        {
            Field(writer, inner, "isCached", YamlText.Bool(image.IsCached));
        }

        Field(writer, inner, "title", image.Title is null ? null : YamlText.Quoted(image.Title));
    }

    // An absent value writes no line at all, as the real files do.
    static void Field(TextWriter writer, string indent, string key, string? value)
    {
        if (value is null)
        {
            return;
        }

        writer.Write(indent);
        writer.Write(key);
        writer.Write(": ");
        writer.Write(value);
        writer.Write('\n');
    }
}
