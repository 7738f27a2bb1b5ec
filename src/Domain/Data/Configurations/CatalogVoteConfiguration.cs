using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsApi.Domain.Articles;

namespace NewsApi.Domain.Data.Configurations;

sealed class CatalogVoteConfiguration : IEntityTypeConfiguration<CatalogVote>
{
    public void Configure(EntityTypeBuilder<CatalogVote> b) => b.HasKey(v => new { v.Kind, v.Key, v.Value });
}
