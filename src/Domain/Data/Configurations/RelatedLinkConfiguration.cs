using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsApi.Domain.Articles;

namespace NewsApi.Domain.Data.Configurations;

sealed class RelatedLinkConfiguration : IEntityTypeConfiguration<RelatedLink>
{
    public void Configure(EntityTypeBuilder<RelatedLink> b)
    {
        b.HasKey(r => new { r.ArticleId, r.Position });
        b.HasIndex(r => r.ProviderKey);
    }
}
