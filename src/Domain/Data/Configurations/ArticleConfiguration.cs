using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsApi.Domain.Articles;

namespace NewsApi.Domain.Data.Configurations;

sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    // Matches the query's "WHERE a.Published" term, which lets SQLite use these partial indexes.
    const string PublishedOnly = "\"Published\"";

    public void Configure(EntityTypeBuilder<Article> b)
    {
        b.HasKey(a => a.Id);
        b.ComplexProperty(a => a.Source, s =>
        {
            s.Property(x => x.Path).HasColumnName("SourcePath");
            s.Property(x => x.Length).HasColumnName("SourceLength");
            s.Property(x => x.ModifiedTicks).HasColumnName("SourceModifiedTicks");
            s.Property(x => x.ContentHash).HasColumnName("SourceHash");
        });
        b.HasMany(a => a.Topics).WithOne().HasForeignKey(t => t.ArticleId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.Related).WithOne().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);

        // Every list serves published articles only, in one of SPEC's sorts with ties by id: one
        // partial index per sort, so a page (deep ones too) is a range of an index, never a sort.
        b.HasIndex(a => new { a.DateDescKey, a.Id }).HasFilter(PublishedOnly);
        b.HasIndex(a => new { a.DateAscKey, a.Id }).HasFilter(PublishedOnly);
        b.HasIndex(a => new { a.QualityDescKey, a.Id }).HasFilter(PublishedOnly);
        b.HasIndex(a => new { a.QualityAscKey, a.Id }).HasFilter(PublishedOnly);
        b.HasIndex(a => new { a.HeatDescKey, a.Id }).HasFilter(PublishedOnly);
        b.HasIndex(a => new { a.HeatAscKey, a.Id }).HasFilter(PublishedOnly);
        b.HasIndex(a => new { a.TitleKey, a.Id }).HasFilter(PublishedOnly);
        b.HasIndex(a => new { a.TitleKey, a.Id }, "IX_Articles_TitleKey_Desc_Id").IsDescending(true, false).HasFilter(PublishedOnly);

        // A provider's, type's or category's articles, newest first.
        b.HasIndex(a => new { a.ProviderKey, a.DateDescKey, a.Id }).HasFilter(PublishedOnly);
        b.HasIndex(a => new { a.TypeKey, a.DateDescKey, a.Id }).HasFilter(PublishedOnly);
        b.HasIndex(a => new { a.CategoryKey, a.DateDescKey, a.Id }).HasFilter(PublishedOnly);
    }
}
