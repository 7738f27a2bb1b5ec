using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsApi.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class SourceContentHash : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "SourceSha256",
                table: "Articles",
                newName: "SourceHash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "SourceHash",
                table: "Articles",
                newName: "SourceSha256");
        }
    }
}
