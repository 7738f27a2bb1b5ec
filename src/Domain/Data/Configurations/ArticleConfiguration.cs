using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsApi.Domain.Articles;

namespace NewsApi.Domain.Data.Configurations;

sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> b)
    {
        b.HasKey(a => a.Id);
        b.ComplexProperty(a => a.Source, s =>
        {
            s.Property(x => x.Path).HasColumnName("SourcePath");
            s.Property(x => x.Length).HasColumnName("SourceLength");
            s.Property(x => x.ModifiedTicks).HasColumnName("SourceModifiedTicks");
            s.Property(x => x.Sha256).HasColumnName("SourceSha256");
        });
        b.HasMany(a => a.Topics).WithOne().HasForeignKey(t => t.ArticleId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.Related).WithOne().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);

        // Each list sort and filter of SPEC section 3 starts from the published articles; ties go by id.
        b.HasIndex(a => new { a.Published, a.PublishedAtUtc, a.Id });
        b.HasIndex(a => new { a.Published, a.Quality, a.Id });
        b.HasIndex(a => new { a.Published, a.Heat, a.Id });
        b.HasIndex(a => new { a.Published, a.TitleKey, a.Id });
        b.HasIndex(a => new { a.ProviderKey, a.Published, a.PublishedAtUtc });
        b.HasIndex(a => new { a.TypeKey, a.Published, a.PublishedAtUtc });
        b.HasIndex(a => new { a.CategoryKey, a.Published, a.PublishedAtUtc });
    }
}
