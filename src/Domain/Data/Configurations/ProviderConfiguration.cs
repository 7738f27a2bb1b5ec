using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsApi.Domain.Articles;

namespace NewsApi.Domain.Data.Configurations;

sealed class ProviderConfiguration : IEntityTypeConfiguration<Provider>
{
    public void Configure(EntityTypeBuilder<Provider> b)
    {
        b.HasKey(p => p.Key);
        b.HasIndex(p => new { p.ArticleCount, p.Key });
        b.HasIndex(p => new { p.NameKey, p.Key });
    }
}
