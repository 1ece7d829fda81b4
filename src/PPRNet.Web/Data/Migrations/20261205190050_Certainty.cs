using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PPRNet.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Certainty : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CertaintyLevel",
                table: "Summaries",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CertaintyNote",
                table: "Summaries",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CertaintyReasons",
                table: "Summaries",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CertaintyLevel",
                table: "Summaries");

            migrationBuilder.DropColumn(
                name: "CertaintyNote",
                table: "Summaries");

            migrationBuilder.DropColumn(
                name: "CertaintyReasons",
                table: "Summaries");
        }
    }
}
