using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PPRNet.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class TopicListingsCoverType : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TopicListings_Published",
                table: "TopicListings");

            migrationBuilder.CreateIndex(
                name: "IX_TopicListings_Published",
                table: "TopicListings",
                columns: new[] { "TopicId", "PublishedOn", "ResearchTypeId", "SummaryId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TopicListings_Published",
                table: "TopicListings");

            migrationBuilder.CreateIndex(
                name: "IX_TopicListings_Published",
                table: "TopicListings",
                columns: new[] { "TopicId", "PublishedOn", "SummaryId" });
        }
    }
}
