using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PPRNet.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class TopicListingsCountIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_TopicListings_PublishedTypes",
                table: "TopicListings",
                columns: new[] { "TopicId", "PublishedOn", "ResearchTypeId", "SummaryId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TopicListings_PublishedTypes",
                table: "TopicListings");
        }
    }
}
