using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PPRNet.Web.Data.Migrations
{
    /// <summary>Every topic and research type gets a French name. Existing terms start with their
    /// English name, so an upgrade never fails on a term nobody has translated yet; the next import
    /// of taxonomy.yml replaces it with the file's French name (see TaxonomyImport).</summary>
    public partial class FrenchTermNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NameFr",
                table: "Topics",
                type: "TEXT",
                maxLength: 120,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "NameFr",
                table: "ResearchTypes",
                type: "TEXT",
                maxLength: 120,
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql("UPDATE \"Topics\" SET \"NameFr\" = \"Name\";");
            migrationBuilder.Sql("UPDATE \"ResearchTypes\" SET \"NameFr\" = \"Name\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NameFr",
                table: "Topics");

            migrationBuilder.DropColumn(
                name: "NameFr",
                table: "ResearchTypes");
        }
    }
}
